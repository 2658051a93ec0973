package dev.frontier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules across modules, over every class of frontier: where the AWS SDK, s3proxy and the environment are used,
 * nothing depending on the command line, and no cycle between packages. Each module checks its own packages
 * (CoreArchitectureTest, EngineArchitectureTest, SandboxArchitectureTest).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProjectClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.frontier");
    }

    @Test
    void onlyTheBedrockAdaptersTouchTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("dev.frontier.bedrock..", "dev.frontier.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .because("the bedrock module is the only home of the AWS SDK (bedrockruntime, bedrock, s3)")
                .check(classes);
        // the sandbox answers OptimizePrompt as an AWS event stream: the SDK's codec for it, and nothing else
        noClasses().that().resideInAPackage("dev.frontier.sandbox..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("software.amazon.awssdk..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                                "software.amazon.awssdk.eventstream.."))))
                .check(classes);
    }

    @Test
    void onlySandboxUsesS3proxy() {
        noClasses().that().resideOutsideOfPackage("dev.frontier.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gaul..", "org.jclouds..")
                .check(classes);
    }

    @Test
    void onlyTheCliReadsTheEnvironment() {
        noClasses().that().resideOutsideOfPackage("dev.frontier.cli..")
                .should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getProperty", String.class)
                .check(classes);
    }

    @Test
    void nothingButTheCliDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.frontier.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.frontier.cli..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("dev.frontier.(*)..").should().beFreeOfCycles().check(classes);
    }
}
