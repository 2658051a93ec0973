package dev.frontier.distill;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.DistillationSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.model.AwsIds;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a suite's distillation section against what Bedrock supports, before anything is exported or sent: the
 * teacher → student pair, the student's customizable id, hyperparameters against the family's ranges, the serving
 * mode, and — for a launch — the staging prefix and job role. Every problem carries the suite position.
 */
public final class DistillationCheck {

    private DistillationCheck() {
    }

    /**
     * The problems of the section.
     *
     * @param launch whether a job is about to be launched (staging becomes required)
     */
    public static List<Problem> problems(SuiteSpec suite, DistillationSpec spec, boolean launch) {
        List<Problem> out = new ArrayList<>();
        Optional<CandidateSpec> teacher = suite.candidates().stream().filter(c -> c.id().equals(spec.teacher()))
                .findFirst();
        if (teacher.isEmpty()) {
            out.add(Problem.error(suite.at("distillation.teacher"), "distillation.teacher",
                    "no candidate '" + spec.teacher() + "'", "name one of the suite's candidates"));
            return out;
        }
        if (CustomizationCatalog.customizableId(spec.student()).isEmpty()) {
            out.add(Problem.error(suite.at("distillation.student"), "distillation.student",
                    spec.student() + " cannot be customized on Bedrock",
                    "supported pairs: " + CustomizationCatalog.supportedPairs()));
        } else if (spec.method() == DistillationSpec.Method.DISTILLATION) {
            CustomizationCatalog.pairProblem(teacher.get().model(), spec.student(),
                    suite.execution().region().orElse(PriceCatalog.DEFAULT_REGION)).ifPresent(p ->
                    out.add(Problem.error(suite.at("distillation.student"), "distillation.student", p,
                            "pick a supported student for this teacher, or another teacher")));
            if (!spec.hyperParameters().isEmpty()) {
                out.add(Problem.error(suite.at("distillation.hyperParameters"), "distillation.hyperParameters",
                        "a distillation job takes no hyperparameters", "remove them, or use method: fine-tuning"));
            }
        } else {
            CustomizationCatalog.hyperParameterProblems(spec.student(), spec.hyperParameters()).forEach((name, p) ->
                    out.add(Problem.error(suite.at("distillation.hyperParameters." + name),
                            "distillation.hyperParameters." + name, p, "use a value in the range")));
            if (spec.goldenThreshold().isEmpty()) {
                out.add(Problem.error(suite.at("distillation"), "distillation.goldenThreshold", "missing",
                        "fine-tuning trains on the teacher's answers that score at least this, e.g. 0.8"));
            }
        }
        if (spec.source() instanceof DistillationSpec.FromInvocationLogs
                && spec.method() != DistillationSpec.Method.DISTILLATION) {
            out.add(Problem.error(suite.at("distillation.source"), "distillation.source",
                    "Bedrock trains on invocation logs in distillation jobs only",
                    "use method: distillation, or source: dataset for fine-tuning"));
        }
        if (spec.serving().mode() == DistillationSpec.Mode.ON_DEMAND_DEPLOYMENT
                && !CustomizationCatalog.baseId(spec.student()).startsWith("amazon.nova-")) {
            out.add(Problem.error(suite.at("distillation.serving.mode"), "distillation.serving.mode",
                    "on-demand custom model deployment is offered for Nova custom models only",
                    "use mode: provisioned with modelUnits and hourlyPerModelUnit"));
        }
        if (launch) {
            if (suite.staging().s3().isEmpty()) {
                out.add(Problem.error(suite.at("staging"), "staging.s3", "missing",
                        "a customization job reads its training data from S3: add 'staging: { s3: s3://bucket/prefix/ }'"));
            }
            if (suite.staging().roleArn().isEmpty()) {
                out.add(Problem.error(suite.at("staging"), "staging.roleArn", "missing",
                        "Bedrock runs the job as a role: add 'roleArn: arn:aws:iam::123456789012:role/NAME'"));
            } else {
                AwsIds.roleArnProblem(suite.staging().roleArn().get()).ifPresent(p -> out.add(Problem.error(
                        suite.at("staging.roleArn"), "staging.roleArn", p, "")));
            }
        }
        return out;
    }
}
