package io.vocedge.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * The gateway's package structure (issue 12): command-line commands live in {@code cli} (the one place allowed to
 * print). Checked on the compiled classes. NOT checked yet: freedom from package cycles, which the device has
 * ({@code DeviceArchitectureTest}); the gateway still has 13 (e.g. alerts -> console -> config -> alerts: config
 * holds every feature's settings type while features read {@code GatewayConfig}; alerts -> forward -> config).
 * Breaking them means moving each feature's settings record out of the features or the whole-config reads out of
 * them; until then a cycle rule here would only fail.
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
    void commandLineCommandsLiveInCli() {
        classes().that().areAnnotatedWith(Command.class)
                .should().resideInAPackage("io.vocedge.gateway.cli..")
                .because("commands print to the terminal, and only cli/ may (CONTRIBUTING.md)")
                .check(production);
    }
}
