package org.conferenceops.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on request bodies, checked before any handler runs.
 *
 * @param maxRequestSize the largest body accepted on ordinary endpoints
 * @param maxUploadSize  the largest body accepted on upload endpoints (bulk imports of delegates)
 * @param uploadPaths    Ant patterns of the upload endpoints, matched against the path inside the context
 */
@ConfigurationProperties("conference-ops.web")
public record WebProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue({ "/api/**/imports", "/api/**/bulk" }) List<String> uploadPaths) {

    public WebProperties {
        uploadPaths = List.copyOf(uploadPaths);
    }
}
