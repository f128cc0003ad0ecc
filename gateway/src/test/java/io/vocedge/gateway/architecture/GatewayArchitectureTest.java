package io.vocedge.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The gateway's package structure (issue 12), checked on the compiled classes: feature packages depend on each other
 * in one direction only (no package cycles, as in the device's {@code DeviceArchitectureTest}); each feature owns
 * its settings record ({@code ForwardSettings} in {@code forward}, {@code StoreSettings} in {@code store}, ...) and
 * {@code config} only composes them into {@code GatewayConfig}, so no feature depends on {@code config} (only
 * {@code cli} and the application wiring do); and command-line commands live in {@code cli} (the one place allowed
 * to print).
 */
class GatewayArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vocedge.gateway");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.vocedge.gateway.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void featuresDoNotDependOnConfig() {
        noClasses()
                .that()
                .resideInAPackage("io.vocedge.gateway.*..")
                .and()
                .resideOutsideOfPackages("io.vocedge.gateway.config..", "io.vocedge.gateway.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.vocedge.gateway.config..")
                .because("each feature owns its settings record; config only composes them (issue 12)")
                .check(production);
    }

    @Test
    void commandLineCommandsLiveInCli() {
        classes()
                .that()
                .areAnnotatedWith(Command.class)
                .should()
                .resideInAPackage("io.vocedge.gateway.cli..")
                .because("commands print to the terminal, and only cli/ may (CONTRIBUTING.md)")
                .check(production);
    }
}
