package dev.frontier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the design: who may use whom, and where the SDKs and FreeMarker live. */
class ArchitectureTest {

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
    void storeUsesModel() {
        onlyUses("store", "dev.frontier.model..", "com.fasterxml.jackson..", "org.sqlite..");
    }

    @Test
    void scoreUsesModelAndInvoke() {
        onlyUses("score", "dev.frontier.model..", "dev.frontier.invoke..", "com.fasterxml.jackson..",
                "com.networknt..", "org.apache.commons.math3..");
    }

    @Test
    void resultsUsesModelAndStats() {
        onlyUses("results", "dev.frontier.model..", "dev.frontier.stats..", "com.fasterxml.jackson..");
    }

    @Test
    void reportUsesModelResultsSelectCostAndFreeMarker() {
        onlyUses("report", "dev.frontier.model..", "dev.frontier.results..", "dev.frontier.select..",
                "dev.frontier.cost..", "dev.frontier.catalog..", "freemarker..");
    }

    @Test
    void gateUsesModelStatsAndResults() {
        onlyUses("gate", "dev.frontier.model..", "dev.frontier.stats..", "dev.frontier.results..", "javax.xml..");
    }

    @Test
    void reportAndGateReadTheDocumentNotTheStore() {
        noClasses().that().resideInAnyPackage("dev.frontier.report..", "dev.frontier.gate..")
                .should().dependOnClassesThat().resideInAPackage("dev.frontier.store..")
                .because("a report or a gate is made from results.json alone")
                .check(classes);
    }

    @Test
    void distillUsesTheCoreButNotTheCli() {
        onlyUses("distill", "dev.frontier.model..", "dev.frontier.config..", "dev.frontier.dataset..",
                "dev.frontier.cost..", "dev.frontier.store..", "dev.frontier.results..", "dev.frontier.run..",
                "dev.frontier.invoke..", "dev.frontier.catalog..", "com.fasterxml.jackson..");
    }

    @Test
    void batchIsPure() {
        onlyUses("batch", "dev.frontier.model..", "com.fasterxml.jackson..");
    }

    @Test
    void sandboxImitatesBedrockFromTheCatalogOnly() {
        // the sandbox knows the model catalog and implements the LocalBedrock port; nothing else of frontier
        noClasses().that().resideInAPackage("dev.frontier.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.frontier.model..", "dev.frontier.config..",
                        "dev.frontier.run..", "dev.frontier.score..", "dev.frontier.store..", "dev.frontier.bedrock..",
                        "dev.frontier.results..", "dev.frontier.cost..",
                        "dev.frontier.report..", "dev.frontier.cli..", "dev.frontier.batch..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.frontier.sandbox..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.frontier.invoke..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("LocalBedrock"))
                                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("Settings")))
                                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameStartingWith("Provider")))))
                .check(classes);
    }

    @Test
    void onlyTheBedrockAdaptersTouchTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("dev.frontier.bedrock..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .because("the bedrock module is the only home of the AWS SDK (bedrockruntime, bedrock, s3)")
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

    @Test
    void noCyclesBetweenTheStagesOfARun() {
        slices().matching("dev.frontier.run.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aRunFlowsOneWayFromTheFrontDoorThroughItsStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("front door").definedBy("dev.frontier.run")
                .layer("aggregate").definedBy("dev.frontier.run.aggregate..")
                .layer("review").definedBy("dev.frontier.run.review..")
                .layer("execute").definedBy("dev.frontier.run.execute..")
                .layer("prepare").definedBy("dev.frontier.run.prepare..")
                .layer("flow").definedBy("dev.frontier.run.flow..")
                .whereLayer("front door").mayNotBeAccessedByAnyLayer()
                .whereLayer("aggregate").mayOnlyBeAccessedByLayers("front door")
                .whereLayer("review").mayOnlyBeAccessedByLayers("front door", "aggregate")
                .whereLayer("execute").mayOnlyBeAccessedByLayers("front door", "aggregate", "review")
                .whereLayer("prepare").mayOnlyBeAccessedByLayers("front door", "aggregate", "review", "execute")
                .whereLayer("flow").mayOnlyBeAccessedByLayers("front door", "aggregate", "review", "execute",
                        "prepare")
                .because("the front door orchestrates the stages; each stage uses only the ones before it and the "
                        + "types that flow between them")
                .check(classes);
    }
}
