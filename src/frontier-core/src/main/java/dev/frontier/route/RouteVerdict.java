package dev.frontier.route;

/** What a policy's figures say against the incumbent. */
public enum RouteVerdict {
    /** The incumbent itself: what everything is compared with. */
    BASELINE,
    /** Another single candidate: a reference point, tested on its own outside the routing family. */
    REFERENCE,
    /** The oracle: an upper bound on savings, not deployable, never tested. */
    BOUND,
    /** A routing policy shown non-inferior to the incumbent after Holm's correction across all routing policies. */
    NON_INFERIOR,
    /** A routing policy whose non-inferiority was not shown. */
    NOT_SHOWN
}
