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
