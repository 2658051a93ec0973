package dev.frontier.gate;

import dev.frontier.model.MarkdownText;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The outcome of every gate of a run.
 *
 * @param runId      the run checked
 * @param baselineId the baseline run, empty when none was given
 * @param outcomes   one per gate, in suite order
 */
public record GateReport(String runId, String baselineId, List<Outcome> outcomes) {

    public GateReport {
        outcomes = List.copyOf(outcomes);
    }

    /** How one gate ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /**
     * One gate's outcome.
     *
     * @param name     the gate, e.g. {@code quality >= 0.8 (sonnet)}
     * @param status   passed, failed, or skipped (e.g. a regression gate without a baseline)
     * @param evidence the figures behind the outcome, in words
     */
    public record Outcome(String name, Status status, String evidence) {
    }

    /** Whether no gate failed. */
    public boolean passed() {
        return outcomes.stream().noneMatch(o -> o.status() == Status.FAILED);
    }

    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** JUnit XML: one test case per gate, the evidence in the failure or skip message. */
    public String junitXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "frontier gates");
            x.writeAttribute("tests", Integer.toString(outcomes.size()));
            x.writeAttribute("failures", Long.toString(count(Status.FAILED)));
            x.writeAttribute("skipped", Long.toString(count(Status.SKIPPED)));
            x.writeAttribute("errors", "0");
            x.writeCharacters("\n");
            for (Outcome o : outcomes) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "frontier.gate." + runId);
                x.writeAttribute("name", o.name());
                if (o.status() == Status.FAILED) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", o.evidence());
                    x.writeCharacters(o.evidence());
                    x.writeEndElement();
                } else if (o.status() == Status.SKIPPED) {
                    x.writeStartElement("skipped");
                    x.writeAttribute("message", o.evidence());
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(o.evidence());
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    /** A Markdown section for a pull-request comment or a CI step summary. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "#### Gates: %s — %d passed, %d failed, %d skipped%s%n%n",
                passed() ? "passed" : "FAILED", count(Status.PASSED), count(Status.FAILED), count(Status.SKIPPED),
                baselineId.isEmpty() ? "" : " (baseline " + MarkdownText.escape(baselineId) + ")"));
        md.append("| gate | result | evidence |\n|---|:---:|---|\n");
        for (Outcome o : outcomes) {
            String mark = switch (o.status()) {
                case PASSED -> "✅ passed";
                case FAILED -> "❌ failed";
                case SKIPPED -> "⏭ skipped";
            };
            md.append("| ").append(MarkdownText.escape(o.name())).append(" | ").append(mark).append(" | ")
                    .append(MarkdownText.escape(o.evidence())).append(" |\n");
        }
        if (outcomes.isEmpty()) {
            md.append("| (the suite declares no gates) | | |\n");
        }
        return md.toString();
    }
}
