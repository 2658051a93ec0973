package dev.frontier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the core module: what each pure package may use, no cycles, no environment. */
class CoreArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProjectClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.frontier");
    }

    private static void onlyUses(String pkg, String... allowed) {
        String[] packages = new String[allowed.length + 2];
        packages[0] = "dev.frontier." + pkg + "..";
        packages[1] = "java..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 2] = allowed[i];
        }
        classes().that().resideInAPackage("dev.frontier." + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .because("DESIGN §4 fixes what " + pkg + " may use")
                .check(classes);
    }

    @Test
    void modelUsesTheJdkOnly() {
        onlyUses("model");
    }

    @Test
    void configUsesModelAndTheYamlParser() {
        onlyUses("config", "dev.frontier.model..", "org.yaml.snakeyaml..");
    }

    @Test
    void datasetUsesModelAndItsParsers() {
        onlyUses("dataset", "dev.frontier.model..", "com.fasterxml.jackson..", "com.opencsv..");
    }

    @Test
    void statsIsPure() {
        onlyUses("stats", "dev.frontier.model..", "org.apache.commons.math3..");
    }

    @Test
    void costIsPure() {
        onlyUses("cost", "dev.frontier.model..", "dev.frontier.catalog..", "com.fasterxml.jackson..");
    }

    @Test
    void catalogIsPureData() {
        onlyUses("catalog", "com.fasterxml.jackson..");
    }

    @Test
    void selectUsesModelStatsAndCost() {
        onlyUses("select", "dev.frontier.model..", "dev.frontier.stats..", "dev.frontier.cost..",
                "dev.frontier.catalog..");
    }

    @Test
    void calibrateUsesModelAndStats() {
        onlyUses("calibrate", "dev.frontier.model..", "dev.frontier.stats..");
    }

    @Test
    void scoreUsesModelAndInvoke() {
        onlyUses("score", "dev.frontier.model..", "dev.frontier.invoke..", "com.fasterxml.jackson..",
                "com.networknt..", "org.apache.commons.math3..");
    }

    @Test
    void routeUsesModelStatsTribuoAndJackson() {
        onlyUses("route", "dev.frontier.model..", "dev.frontier.stats..", "org.tribuo..", "com.fasterxml.jackson..");
    }

    @Test
    void resultsUsesModelAndStats() {
        onlyUses("results", "dev.frontier.model..", "dev.frontier.stats..", "com.fasterxml.jackson..");
    }

    @Test
    void batchIsPure() {
        onlyUses("batch", "dev.frontier.model..", "com.fasterxml.jackson..");
    }

    @Test
    void logsReadsThroughThePortsOnly() {
        onlyUses("logs", "dev.frontier.model..", "dev.frontier.invoke..", "com.fasterxml.jackson..");
    }

    @Test
    void invokeHoldsThePortsAndUsesModelAndTheCatalog() {
        onlyUses("invoke", "dev.frontier.model..", "dev.frontier.catalog..");
    }

    @Test
    void noCyclesBetweenTheCorePackages() {
        slices().matching("dev.frontier.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCoreReadsNoEnvironment() {
        noClasses().should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getProperty", String.class)
                .because("only the command line reads the environment; the core is given what it needs")
                .check(classes);
    }
}
