package com.comeet.hirebridge.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broken mapping file is refused with the file, the line and what to fix.
 */
class HireMappingLoaderTests {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void namesTheFileAndLineOfAnUnknownKey() throws IOException {
        Path file = write("""
                fields:
                  firstName:
                    from: $.first_name
                  hireDate:
                    from: $.start_date
                    requird: The first day of work is missing
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessage(file + ", line 6: field 'hireDate': unknown key 'requird'; "
                        + "allowed: default, from, required, type, values");
    }

    @Test
    void readsTheTypeOfAReferenceAndRefusesABlankOne() throws IOException {
        Path file = write("""
                fields:
                  location:
                    type: Location_ID
                    from: $.position.location
                  firstName:
                    from: $.first_name
                """);
        HireMapping mapping = HireMappingLoader.load(file);

        assertThat(mapping.type("location")).isEqualTo("Location_ID");
        assertThat(mapping.type("firstName")).isNull();
        assertThat(mapping.maps("firstName")).isTrue();
        assertThat(mapping.maps("lastName")).isFalse();
        Path blank = write("""
                fields:
                  location:
                    type: " "
                    from: $.position.location
                """);
        assertThatThrownBy(() -> HireMappingLoader.load(blank)).hasMessage(blank + ", line 3: field 'location': "
                + "'type' must name the kind of identifier, such as Location_ID");
    }

    @Test
    void namesTheLineOfAnInvalidJsonPath() throws IOException {
        Path file = write("""
                fields:
                  jobTitle:
                    from:
                      - $.position.public_name
                      - $.position[name
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file + ", line 5: field 'jobTitle': '$.position[name' is not a valid JSONPath");
    }

    @Test
    void refusesASourceThatIsNeitherAPathNorAnAnswer() throws IOException {
        Path file = write("""
                fields:
                  department:
                    from: position.department
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file + ", line 3: field 'department': 'position.department' is neither a "
                        + "JSONPath (starting with $) nor answer(<question uid>)");
    }

    @Test
    void refusesABlankRequiredSentence() throws IOException {
        Path file = write("""
                fields:
                  hireDate:
                    from: $.start_date
                    required: "  "
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessage(file + ", line 4: field 'hireDate': 'required' must be the sentence the recruiter sees "
                        + "when the value is missing");
    }

    @Test
    void refusesAFieldWithoutSourceOrDefault() throws IOException {
        Path file = write("""
                fields:
                  hireDate:
                    required: The first day of work is missing
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessage(file + ", line 3: field 'hireDate' has neither 'from' nor 'default'");
    }

    @Test
    void reportsTheLineOfAYamlSyntaxError() throws IOException {
        Path file = write("""
                fields:
                  firstName:
                    from: $.first_name
                   lastName: [
                """);

        assertThatThrownBy(() -> HireMappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file + ", line 4: not valid YAML:");
    }

    @Test
    void refusesAFieldMappedTwiceAndAnUnknownTopLevelKey() throws IOException {
        Path twice = write("""
                fields:
                  firstName: { from: $.first_name }
                  firstName: { from: $.middle_name }
                """);
        assertThatThrownBy(() -> HireMappingLoader.load(twice)).isInstanceOf(MappingException.class)
                .hasMessage(twice + ", line 3: field 'firstName' is mapped twice");

        Path unknown = write("""
                field:
                  firstName: { from: $.first_name }
                """);
        assertThatThrownBy(() -> HireMappingLoader.load(unknown)).isInstanceOf(MappingException.class)
                .hasMessage(unknown + ", line 1: unknown top-level key 'field'; the fields go under 'fields:'");
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> HireMappingLoader.load(missing)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(missing + ": the file does not exist");
    }
}
