package org.conferenceops.registration.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * A page of results with a stable JSON shape.
 *
 * @param content       the items of this page
 * @param page          the page number, from 0
 * @param size          the requested page size
 * @param totalElements how many items match in all
 * @param totalPages    how many pages there are
 */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
