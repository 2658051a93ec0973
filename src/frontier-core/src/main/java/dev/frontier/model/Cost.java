package dev.frontier.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in US dollars, or an explicit "unknown" with the reason (a missing price is never 0).
 */
public sealed interface Cost permits Cost.Known, Cost.Unknown {

    Cost ZERO = new Known(BigDecimal.ZERO);

    /** A known amount. */
    record Known(BigDecimal usd) implements Cost {
        public Known {
            if (usd == null) {
                throw new IllegalArgumentException("usd must not be null");
            }
        }
    }

    /** An amount that cannot be computed; {@code reason} names the missing price. */
    record Unknown(String reason) implements Cost {
    }

    static Cost usd(BigDecimal usd) {
        return new Known(usd);
    }

    /** The sum; unknown if either side is unknown (the first reason is kept). */
    default Cost plus(Cost other) {
        if (this instanceof Known a && other instanceof Known b) {
            return new Known(a.usd().add(b.usd()));
        }
        return this instanceof Unknown ? this : other;
    }

    /** Scales a known amount; unknown stays unknown. */
    default Cost times(BigDecimal factor) {
        return this instanceof Known k ? new Known(k.usd().multiply(factor)) : this;
    }

    /** Divides a known amount by a positive count; unknown stays unknown. */
    default Cost dividedBy(long count) {
        return this instanceof Known k
                ? new Known(k.usd().divide(BigDecimal.valueOf(count), 12, RoundingMode.HALF_EVEN)) : this;
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    /** The amount, or null when unknown; for serialisation. */
    default BigDecimal usdOrNull() {
        return this instanceof Known k ? k.usd() : null;
    }
}
