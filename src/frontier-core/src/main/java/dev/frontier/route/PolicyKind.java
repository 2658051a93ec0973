package dev.frontier.route;

/** The kinds of routing policy, a closed set matching the cases of {@link Policy}. */
public enum PolicyKind {
    /** One candidate for every item: the reference points. */
    SINGLE,
    /** Per item the cheapest good-enough candidate, known only in hindsight: the bound on savings. */
    ORACLE,
    /** Call a cheap candidate, escalate on a signal of its answer. */
    CASCADE,
    /** Choose before calling, from prompt-only features. */
    LEARNED
}
