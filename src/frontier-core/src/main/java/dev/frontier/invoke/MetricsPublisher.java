package dev.frontier.invoke;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Custom metrics sent to a monitoring service (CloudWatch). Failures are {@link CloudException}s. */
public interface MetricsPublisher extends AutoCloseable {

    /** The units frontier's metrics are in (CloudWatch's {@code StandardUnit} names). */
    enum Unit {
        NONE("None"), MILLISECONDS("Milliseconds");

        private final String wire;

        Unit(String wire) {
            this.wire = wire;
        }

        /** As the service spells it. */
        public String wire() {
            return wire;
        }
    }

    /**
     * One value.
     *
     * @param name       the metric's name
     * @param value      its value
     * @param unit       its unit
     * @param dimensions name → value, e.g. Suite and Candidate
     */
    record Datum(String name, double value, Unit unit, Map<String, String> dimensions) {
        public Datum {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be a finite number, not " + value);
            }
            dimensions = Map.copyOf(dimensions);
        }
    }

    /** Sends {@code data} under {@code namespace}, stamped {@code at}. */
    void publish(String namespace, Instant at, List<Datum> data);

    @Override
    void close();
}
