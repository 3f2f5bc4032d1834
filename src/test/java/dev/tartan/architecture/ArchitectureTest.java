package dev.tartan.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of the house from DESIGN.md: dependencies point one way. */
@AnalyzeClasses(packages = "dev.tartan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("App").definedBy("dev.tartan.app..")
            .layer("UI").definedBy("dev.tartan.ui..")
            .layer("CLI").definedBy("dev.tartan.cli..")
            .layer("Service").definedBy("dev.tartan.service..")
            .layer("API").definedBy("dev.tartan.api..")
            .layer("Store").definedBy("dev.tartan.store..")
            .layer("Model").definedBy("dev.tartan.model..")
            .layer("Emulator").definedBy("dev.tartan.emulator..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("CLI").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "UI", "CLI")
            .whereLayer("API").mayOnlyBeAccessedByLayers("App", "Service", "CLI")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Service", "CLI")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("App", "UI", "CLI", "Service", "API", "Store")
            .whereLayer("Emulator").mayOnlyBeAccessedByLayers("App", "CLI")
            .ensureAllClassesAreContainedInArchitecture()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.tartan.ui..", "dev.tartan.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..", "org.fxmisc..")
            .because("only ui and app may touch JavaFX (DESIGN.md, rules of the house)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule emulatorIsIndependent = noClasses()
            .that().resideInAPackage("dev.tartan.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.tartan.app..", "dev.tartan.ui..", "dev.tartan.cli..", "dev.tartan.service..",
                    "dev.tartan.api..", "dev.tartan.store..", "dev.tartan.model..")
            .because("the emulator is an independent implementation of Plaid's wire contract")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule panesDoNotReachIntoEachOther = slices()
            .matching("dev.tartan.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.tartan.ui.common.."))
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.tartan.ui.shell.."),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.tartan.ui.settings.."))
            .because("panes share pieces through ui.common, not by using each other (the app wires them together)");

    @ArchTest
    static final ArchRule noCycles = slices()
            .matching("dev.tartan.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);
}
