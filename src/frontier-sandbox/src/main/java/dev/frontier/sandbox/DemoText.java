package dev.frontier.sandbox;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The user messages of the generated invocation logs ({@link DemoLogs}), in the prompt conventions the simulated
 * models understand: support tickets and app reviews to summarize (a greeting, central sentences about one problem,
 * a side remark, a sign-off) and short customer messages to route to one of four labels.
 */
final class DemoText {

    private DemoText() {
    }

    /** The routing prompt: a label list with descriptions and one example per label. */
    static final String CLASSIFY_SYSTEM = """
            You route customer support messages. Answer with the label only.
            Labels:
            - billing_refund: refund, charge, charged twice, invoice, payment, money back, subscription fee
            - password_reset: password, login, sign in, locked out, reset link, two-factor code, account access
            - shipping_delay: package, delivery, shipping, tracking number, courier, order has not arrived
            - app_crash: app crashes, freezes, error message, bug, closes unexpectedly, update broke the screen
            Example (billing_refund): I was charged twice for my plan this month.
            Example (password_reset): The reset link in the email does not work.
            Example (shipping_delay): My tracking number has not updated in a week.
            Example (app_crash): The app closes as soon as I open the settings page.""";

    /**
     * The summaries prompt: the on-call team's handbook for ticket summaries, long enough (about 1,200 tokens) to be
     * worth a prompt-cache checkpoint on Nova (1,000 tokens at least) but not on Claude 4.x models (4,096).
     */
    static final String SUMMARY_SYSTEM = """
            You summarize customer support tickets for the on-call engineer. Answer in two sentences.

            Who reads the summary: an engineer paged at any hour, often on a phone, who has not seen the ticket and
            must decide within a minute whether the problem is an outage, a regression, a data problem, a billing
            problem or a question that support can answer alone. The summary is the only text shown in the page.

            What the first sentence says: the system that fails, how it fails and since when, in the customer's own
            words. Name the system exactly as the customer names it (nightly export job, invoice generator, data sync,
            report scheduler, backup task, payment webhook, inventory import, single sign-on login). Keep error codes,
            error messages, order numbers, invoice numbers and amounts exactly as written; put error messages in double
            quotes. Say how often it happens when the customer says so (every night, three nights in a row, since the
            last update, on every login).

            What the second sentence says: what the failure blocks for the customer (orders missing in the warehouse
            system, the month-end close, invoices customers cannot download, payments that are not recorded, users who
            cannot sign in) and what the customer asks us to do, if they ask for something specific.

            What to leave out: greetings, thanks, apologies and sign-offs; how long the customer has been a customer;
            who they write for; remarks about the weather, holidays or their team; your own guesses about the cause;
            advice, workarounds and next steps; promises on our behalf; the names of agents or teams.

            Severity words: do not add words such as urgent, critical, minor or simple unless the customer wrote them;
            the engineer decides the severity from the facts.

            Personal data: never repeat card numbers, passwords, phone numbers, home addresses or one-time codes, even
            when the ticket contains them; write "a card number" or "a password" instead.

            Language: write in English, in the past or present tense as the ticket does, without headings, lists,
            quotes around the whole summary or a preamble such as "Summary:". Use at most 60 words.

            Systems and the words customers use for them (write the first name):
            - nightly export job: export, nightly dump, CSV export, data export, the 2 a.m. job
            - invoice generator: invoices, billing run, invoice PDF, monthly invoices
            - data sync: sync, connector, integration, replication, the sync with our CRM
            - report scheduler: scheduled reports, report emails, dashboards by email, weekly report
            - backup task: backups, snapshot, restore point, nightly backup
            - payment webhook: webhook, payment callback, payment notifications, the Stripe hook
            - inventory import: stock import, product feed, catalog upload, inventory file
            - single sign-on login: SSO, SAML, Okta login, company login, sign in with Google

            Error codes customers quote and what they mean to the engineer (do not explain them in the summary):
            - 401 and 403: the customer's credentials or permissions; usually not an outage
            - 404: a missing resource or a wrong link
            - 429: rate limiting; say how often when the customer says so
            - 500, 502, 503 and 504: our side failed; these are the pages that matter most at night
            - timeout: a job ran longer than its limit; keep the limit when the customer quotes it

            Examples of good summaries:
            - The nightly export job has failed three nights in a row with error code 504 in the activity log. The
              month-end close is blocked until it works, and the customer asks us to rerun the export for November.
            - The payment webhook stops with a timeout error on every payment since the last update. Payments are
              not recorded in the customer's system, and they ask whether we changed the webhook's time limit.
            - The single sign-on login produces an error after the customer renewed their SAML certificate, and no
              user can sign in. The customer asks us to check the certificate on our side.

            Examples of bad summaries and what is wrong with them:
            - "Hi team, the customer has a problem with exports." (a greeting, and the failure is not named)
            - "Urgent: backups are broken, probably because of the new storage cluster." (a severity word and a
              guess about the cause)
            - "The customer, a loyal user for three years, reports that invoices fail; we should restart the
              generator." (background and advice)

            Several problems in one ticket: summarize the one that blocks the customer's work and add the others in
            the second sentence, joined with "and"; never write more than two sentences to fit them all in.

            Follow-ups: when the customer writes again about the same problem, say that it is a follow-up, how long
            they have waited when they say so, and what changed since their first message, if anything.

            When the ticket is not about a failure (a question about a plan, a feature request, a thank-you note),
            say so in the first sentence and state the question or request in the second.""";

    private static final List<String> GREETINGS = List.of("Hi team,", "Hello,", "Hi support,", "Good morning,", "");
    private static final List<String> SIGN_OFFS = List.of("Thanks,", "Best regards,", "Cheers,", "Thank you,");
    private static final List<String> NAMES = List.of("Dana", "Luis", "Priya", "Tom", "Mei", "Ahmed", "Sara",
            "Jonas", "Aisha", "Kenji", "Olga", "Ravi");
    private static final List<String> CONTEXTS = List.of(
            "I have been a customer for three years.", "We run the team plan for our whole office.",
            "I manage the account for our small shop.", "We moved to the annual plan last spring.",
            "Our company uses the service in four countries.", "I am writing on behalf of our finance team.");
    private static final List<String> SYSTEMS = List.of("nightly export job", "invoice generator", "data sync",
            "report scheduler", "backup task", "payment webhook", "inventory import", "single sign-on login");
    private static final List<String> FAILURES = List.of(
            "has failed three nights in a row", "stops with a timeout error", "produces empty files",
            "has been returning server errors since Monday", "skips half of the records",
            "fails after the latest update");
    private static final List<String> DETAILS = List.of(
            "The %s stops when it writes the file to the shared drive.",
            "The %s shows error code 502 in the activity log.",
            "The %s worked fine until the maintenance window on Sunday.",
            "Restarting the %s does not help and the error comes back within an hour.",
            "The %s logs a permission denied message before it stops.");
    private static final List<String> IMPACTS = List.of(
            "The file is needed by finance every morning.", "Our customers cannot download their invoices.",
            "We are missing orders in the warehouse system.", "The month-end close is blocked until this works.",
            "Two hundred users are affected.");
    private static final List<String> ASIDES = List.of(
            "The weather here has been terrible this week.", "By the way, the new dashboard looks great.",
            "Our office is moving next month.", "I hope you had a good weekend.");

    /** A support ticket: greeting, context, the problem, a detail, a side remark, its impact and a sign-off. */
    static String ticket(SplittableRandom r) {
        String system = pick(r, SYSTEMS);
        StringBuilder b = new StringBuilder();
        String greeting = pick(r, GREETINGS);
        if (!greeting.isEmpty()) {
            b.append(greeting).append('\n');
        }
        b.append(pick(r, CONTEXTS)).append(' ');
        b.append("Our ").append(system).append(' ').append(pick(r, FAILURES)).append(". ");
        b.append(String.format(pick(r, DETAILS), system)).append(' ');
        if (r.nextBoolean()) {
            b.append(pick(r, ASIDES)).append(' ');
        }
        b.append(pick(r, IMPACTS)).append('\n');
        b.append(pick(r, SIGN_OFFS)).append('\n').append(pick(r, NAMES));
        return b.toString();
    }

    private static final List<String> REVIEW_SCREENS = List.of("camera", "checkout", "settings page", "map",
            "photo upload", "login screen", "order history", "search");
    private static final List<String> REVIEW_PROBLEMS = List.of(
            "The app crashes every time I open the %s.", "After the update the %s freezes for ten seconds.",
            "The %s shows a blank page on my tablet.", "The %s closes unexpectedly when I rotate the phone.");
    private static final List<String> REVIEW_EXTRAS = List.of(
            "I reinstalled the app twice.", "It worked last week.", "My phone is a year old.",
            "Otherwise I like the app.", "Please fix this soon.");

    /** An app store review: one problem with one screen, and a remark or two. */
    static String review(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        b.append(pick(r, List.of("Two stars.", "One star.", "Three stars.", "Frustrated."))).append(' ');
        b.append(String.format(pick(r, REVIEW_PROBLEMS), pick(r, REVIEW_SCREENS))).append(' ');
        b.append(pick(r, REVIEW_EXTRAS));
        if (r.nextBoolean()) {
            b.append(' ').append(pick(r, REVIEW_EXTRAS));
        }
        return b.toString();
    }

    private static final List<List<String>> MESSAGES = List.of(
            List.of("I want my money back for the annual subscription fee.",
                    "You charged my card twice for the same invoice.",
                    "Please refund the payment I made by mistake yesterday.",
                    "The invoice shows a charge I never agreed to.",
                    "How long does a refund take to reach my bank?",
                    "Why was I billed for two subscriptions?"),
            List.of("I forgot my password and cannot sign in.",
                    "The password reset link has expired every time I try.",
                    "I am locked out of my account after too many login attempts.",
                    "My two-factor code never arrives so I cannot log in.",
                    "Sign in keeps saying my password is wrong even after a reset."),
            List.of("My package has not arrived after two weeks.",
                    "The tracking number says delivered but there is no package.",
                    "When will my order be shipped?",
                    "The courier missed the delivery window again.",
                    "I paid for fast shipping but the package is late."),
            List.of("The app crashes every time I open the camera.",
                    "After the latest update the screen freezes on startup.",
                    "I get an error message and the app closes unexpectedly.",
                    "There is a bug where the app freezes when I upload a photo.",
                    "The update broke the checkout screen, it just shows a blank page."));
    private static final List<String> OPENERS = List.of("", "Hello. ", "Hi, ", "Urgent: ", "Quick question. ");
    private static final List<String> CLOSERS = List.of("", " Thanks.", " Please help.", " This is the second time.",
            " Order 48213.", " Can someone call me?");

    /** A customer message about one of the four routing labels. */
    static String message(SplittableRandom r) {
        List<String> label = MESSAGES.get(r.nextInt(MESSAGES.size()));
        return pick(r, OPENERS) + pick(r, label) + pick(r, CLOSERS);
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
