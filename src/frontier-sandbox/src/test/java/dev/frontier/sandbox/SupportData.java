package dev.frontier.sandbox;

import java.util.List;

/** Small made-up support datasets in the prompt conventions the simulated models understand. */
final class SupportData {

    private SupportData() {
    }

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

    /** A labelled message. */
    record Labelled(String text, String label) {
    }

    static final List<Labelled> MESSAGES = List.of(
            new Labelled("I want my money back for the annual subscription fee.", "billing_refund"),
            new Labelled("You charged my card twice for the same invoice.", "billing_refund"),
            new Labelled("Please refund the payment I made by mistake yesterday.", "billing_refund"),
            new Labelled("The invoice shows a charge I never agreed to.", "billing_refund"),
            new Labelled("How long does a refund take to reach my bank?", "billing_refund"),
            new Labelled("I cancelled last week but the subscription fee was still charged.", "billing_refund"),
            new Labelled("Can I get a refund if the order arrived damaged?", "billing_refund"),
            new Labelled("My payment failed but the money left my account.", "billing_refund"),
            new Labelled("The app charged me after the trial even though I cancelled in the app.", "billing_refund"),
            new Labelled("Why was I billed for two subscriptions?", "billing_refund"),
            new Labelled("I forgot my password and cannot sign in.", "password_reset"),
            new Labelled("The password reset link has expired every time I try.", "password_reset"),
            new Labelled("I am locked out of my account after too many login attempts.", "password_reset"),
            new Labelled("My two-factor code never arrives so I cannot log in.", "password_reset"),
            new Labelled("How do I change the password on my account?", "password_reset"),
            new Labelled("Sign in keeps saying my password is wrong even after a reset.", "password_reset"),
            new Labelled("I lost access to the email on my account and cannot log in.", "password_reset"),
            new Labelled("The login page shows an error message when I enter my password.", "password_reset"),
            new Labelled("My account is locked and support told me to reset it.", "password_reset"),
            new Labelled("I can't get into my account since the update.", "password_reset"),
            new Labelled("My package has not arrived after two weeks.", "shipping_delay"),
            new Labelled("The tracking number says delivered but there is no package.", "shipping_delay"),
            new Labelled("When will my order be shipped?", "shipping_delay"),
            new Labelled("The courier missed the delivery window again.", "shipping_delay"),
            new Labelled("Shipping was supposed to take three days, it has been ten.", "shipping_delay"),
            new Labelled("My order is stuck in customs according to the tracking page.", "shipping_delay"),
            new Labelled("Can you send the package by express delivery instead?", "shipping_delay"),
            new Labelled("The delivery address on my order is wrong and it has not shipped yet.", "shipping_delay"),
            new Labelled("I paid for fast shipping but the package is late.", "shipping_delay"),
            new Labelled("Where is my order? Nothing has arrived.", "shipping_delay"),
            new Labelled("The app crashes every time I open the camera.", "app_crash"),
            new Labelled("After the latest update the screen freezes on startup.", "app_crash"),
            new Labelled("I get an error message and the app closes unexpectedly.", "app_crash"),
            new Labelled("There is a bug where the app freezes when I upload a photo.", "app_crash"),
            new Labelled("The app keeps crashing on my new phone.", "app_crash"),
            new Labelled("The update broke the checkout screen, it just shows a blank page.", "app_crash"),
            new Labelled("The app freezes when I try to view my invoice.", "app_crash"),
            new Labelled("Whenever I rotate the phone the app closes.", "app_crash"),
            new Labelled("The map screen crashes after a few seconds.", "app_crash"),
            new Labelled("Something is broken, the app shows an error and quits.", "app_crash"));

    /** A ticket and the summary a careful analyst would write: its two central sentences. */
    record Ticket(String body, String reference) {
    }

    static final List<Ticket> TICKETS = List.of(
            new Ticket("""
                    Hi team,
                    I have been a customer for three years. Our nightly export job has failed three nights in a row. \
                    The export job stops with a timeout error when it writes the export file to the shared drive. \
                    The weather here has been terrible this week. The export file is needed by finance every morning.
                    Thanks,
                    Dana""",
                    "Our nightly export job has failed three nights in a row. "
                            + "The export job stops with a timeout error when it writes the export file to the shared drive."),
            new Ticket("""
                    Hello,
                    We moved offices last month. Since Monday the invoice emails go to the old billing address. \
                    I updated the billing address in the portal but the invoice emails still use the old billing address. \
                    Our accountant is on holiday anyway. Please fix the billing address for future invoice emails.
                    Best regards,
                    Tom""",
                    "I updated the billing address in the portal but the invoice emails still use the old billing address. "
                            + "Please fix the billing address for future invoice emails."),
            new Ticket("""
                    Hi,
                    I use the mobile app on an older tablet. The mobile app crashes when I open a shared album. \
                    Every shared album with more than fifty photos makes the mobile app crash within seconds. \
                    My daughter showed me how to report this. Smaller shared album views work fine.
                    Cheers,
                    Ruth""",
                    "The mobile app crashes when I open a shared album. "
                            + "Every shared album with more than fifty photos makes the mobile app crash within seconds."),
            new Ticket("""
                    Good morning,
                    Our company signed up in spring. We were charged for twelve seats but our plan only has eight seats. \
                    The seats charge appeared on the March invoice and again on the April invoice. \
                    I am not sure who set up the account originally. Please refund the four extra seats on both invoices.
                    Kind regards,
                    Priya""",
                    "We were charged for twelve seats but our plan only has eight seats. "
                            + "Please refund the four extra seats on both invoices."),
            new Ticket("""
                    Hey,
                    I ordered a standing desk for my home office. The standing desk order was marked delivered on Friday \
                    but no standing desk arrived. The courier photo shows a different door, not my door. \
                    I work from home most days. Please locate the standing desk order or send a replacement desk.
                    Thanks,
                    Ivan""",
                    "The standing desk order was marked delivered on Friday but no standing desk arrived. "
                            + "Please locate the standing desk order or send a replacement desk."),
            new Ticket("""
                    Hi support,
                    We run the reporting dashboard for our sales team. The reporting dashboard shows yesterday's sales \
                    numbers twice, so every sales total is doubled. The doubled sales totals started after the data sync \
                    on Tuesday. Coffee machine is broken too, ha. Our managers use the sales dashboard in the weekly meeting.
                    Best,
                    Lena""",
                    "The reporting dashboard shows yesterday's sales numbers twice, so every sales total is doubled. "
                            + "The doubled sales totals started after the data sync on Tuesday."),
            new Ticket("""
                    Hello team,
                    I tried the new version over the weekend. The password reset email never arrives for users on our \
                    company domain. Users on our company domain are locked out until the password reset email arrives. \
                    Other domains seem to work. Could you check whether our company domain is blocked for the reset email?
                    Regards,
                    Omar""",
                    "The password reset email never arrives for users on our company domain. "
                            + "Users on our company domain are locked out until the password reset email arrives."),
            new Ticket("""
                    Dear support,
                    I am writing on behalf of our clinic. Appointment reminders are sent at the wrong hour since the \
                    clock change. Every appointment reminder arrives one hour late, and patients miss the appointment. \
                    Our receptionist noticed it first. We need the appointment reminder time fixed before next week.
                    Thank you,
                    Grace""",
                    "Appointment reminders are sent at the wrong hour since the clock change. "
                            + "Every appointment reminder arrives one hour late, and patients miss the appointment."));
}
