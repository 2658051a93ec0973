package dev.frontier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox imitates Bedrock from the model catalog alone, and plugs in through the LocalBedrock port; its one
 * in-process client ({@code DirectRuntimeClient}) speaks frontier's ModelClient port.
 */
class SandboxArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProjectClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.frontier.sandbox");
    }

    @Test
    void sandboxImitatesBedrockFromTheCatalogOnly() {
        // the sandbox knows the model catalog and implements the LocalBedrock port; nothing else of frontier
        noClasses().that().resideInAPackage("dev.frontier.sandbox..").and(notTheDirectClient())
                .should().dependOnClassesThat().resideInAnyPackage("dev.frontier.model..", "dev.frontier.config..",
                        "dev.frontier.run..", "dev.frontier.score..", "dev.frontier.store..", "dev.frontier.bedrock..",
                        "dev.frontier.results..", "dev.frontier.cost..",
                        "dev.frontier.report..", "dev.frontier.cli..", "dev.frontier.batch..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.frontier.sandbox..").and(notTheDirectClient())
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.frontier.invoke..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("LocalBedrock"))
                                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("Settings")))
                                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("Provider")))
                                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("ModelClient")))))
                .check(classes);
    }

    @Test
    void theDirectClientSpeaksTheModelClientPortAndNothingMore() {
        // the one adapter from frontier's requests to the runtime: the port's types and the shared retry rules only
        noClasses().that().haveSimpleName("DirectRuntimeClient")
                .should().dependOnClassesThat().resideInAnyPackage("dev.frontier.config..", "dev.frontier.run..",
                        "dev.frontier.score..", "dev.frontier.store..", "dev.frontier.bedrock..",
                        "dev.frontier.results..", "dev.frontier.cost..", "dev.frontier.report..", "dev.frontier.cli..",
                        "dev.frontier.batch..")
                .check(classes);
        noClasses().that().haveSimpleName("DirectRuntimeClient")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.frontier.invoke..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("ModelClient")))
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("RetryPolicy"))))
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> notTheDirectClient() {
        return DescribedPredicate.not(JavaClass.Predicates.simpleName("DirectRuntimeClient"));
    }
}
