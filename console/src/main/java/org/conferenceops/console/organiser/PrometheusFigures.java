package org.conferenceops.console.organiser;

/**
 * The pipeline figures of one service, read from its Prometheus text exposition: events waiting in the outbox,
 * the age of the oldest, and the consumer lag summed over its partitions.
 *
 * @param service   the service's short name
 * @param available whether its scrape could be read
 */
record PrometheusFigures(String service, boolean available, double outboxBacklog, double outboxOldestAgeSeconds,
        double consumerLag) {

    static PrometheusFigures unavailable(String service) {
        return new PrometheusFigures(service, false, 0, 0, 0);
    }

    static PrometheusFigures parse(String service, String exposition) {
        double backlog = 0;
        double oldest = 0;
        double lag = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            double value = value(line);
            switch (name) {
                case "outbox_backlog_events" -> backlog += value;
                case "outbox_oldest_age_seconds" -> oldest = Math.max(oldest, value);
                case "spring_cloud_stream_binder_kafka_offset" -> lag += value;
                default -> {
                }
            }
        }
        return new PrometheusFigures(service, true, backlog, oldest, lag);
    }

    private static double value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String rest = (labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(line.indexOf(' ') + 1)).trim();
        try {
            // a sample is "value [timestamp]"
            double value = Double.parseDouble(rest.split(" ")[0]);
            return Double.isNaN(value) ? 0 : value;
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
