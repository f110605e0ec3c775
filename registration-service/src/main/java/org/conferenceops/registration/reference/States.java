package org.conferenceops.registration.reference;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The UN member states and observer states, read once from the resource files. */
@Component
public class States {

    private final Map<String, State> byCode;

    public States() {
        Map<String, State> states = new LinkedHashMap<>();
        read("/reference/un-member-states.csv", false, states);
        read("/reference/observer-states.csv", true, states);
        this.byCode = Collections.unmodifiableMap(states);
    }

    /** The state with this alpha-3 code (any case), if it is a member or observer state. */
    public Optional<State> find(String code) {
        return Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The member states, in the order of the UN list. */
    public Collection<State> memberStates() {
        return byCode.values().stream().filter(state -> !state.observer()).toList();
    }

    private static void read(String resource, boolean observer, Map<String, State> into) {
        try (InputStream in = States.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
                for (NamedCsvRecord row : csv) {
                    String code = row.getField("code");
                    into.put(code, new State(code, row.getField("name"), observer));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
