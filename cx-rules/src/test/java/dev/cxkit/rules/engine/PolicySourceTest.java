package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicySourceTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryResolvesToItsDrlFilesInNameOrderAndItsSettings() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("my-policy"));
        Files.writeString(dir.resolve("b.drl"), "package b;");
        Files.writeString(dir.resolve("a.drl"), "package a;");
        Files.writeString(dir.resolve("notes.txt"), "not a rule");
        Files.writeString(dir.resolve(PolicySource.SETTINGS_FILE), "currency = EUR\nack.minutes = 3\n");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("c.drl"), "package c;");

        PolicySource source = PolicySource.resolve(dir.toString());

        assertThat(source.name()).isEqualTo("my-policy");
        assertThat(source.fileNames()).containsExactly("a.drl", "b.drl");
        assertThat(source.files()).containsEntry("a.drl", "package a;");
        assertThat(source.settings().minutes("ack.minutes")).isEqualTo(3);
        assertThat(source.settings().source()).isEqualTo("my-policy/" + PolicySource.SETTINGS_FILE);
    }

    @Test
    void aDirectoryWithoutSettingsHasEmptySettings() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("bare"));
        Files.writeString(dir.resolve("only.drl"), "package only;");

        PolicySource source = PolicySource.resolve(dir.toString());

        assertThat(source.fileNames()).containsExactly("only.drl");
        assertThat(source.settings().values()).isEmpty();
    }

    static java.util.List<String> packs() {
        return PolicySource.BUNDLED_PACKS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    void aBundledPackNameResolvesToThePackOnTheClassPath(String pack) throws IOException {
        PolicySource resolved = PolicySource.resolve(pack);
        PolicySource bundled = PolicySource.classpath(pack);

        assertThat(resolved.name()).isEqualTo(pack);
        assertThat(resolved.fileNames()).isNotEmpty().isEqualTo(bundled.fileNames());
        assertThat(resolved.files()).isEqualTo(bundled.files());
        assertThat(resolved.settings().values()).isEqualTo(bundled.settings().values());
    }

    @Test
    void theBundledPacksAreRestaurantAndEu261WithRestaurantTheDefault() {
        assertThat(PolicySource.BUNDLED_PACKS).containsExactly("restaurant", "eu261");
        assertThat(PolicySource.BUNDLED_PACKS).contains(PolicySource.DEFAULT_PACK);
    }

    @Test
    void aDirectoryWithoutDrlFilesIsRejected() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty-policy"));
        Files.writeString(dir.resolve(PolicySource.SETTINGS_FILE), "currency = EUR\n");
        Files.writeString(dir.resolve("comp.drl.bak"), "package old;");
        Files.createDirectory(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested").resolve("x.drl"), "package x;");

        assertThatThrownBy(() -> PolicySource.resolve(dir.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy directory " + dir + " has no .drl files");
    }

    @Test
    void aFileIsRejectedWithAHint() throws IOException {
        Path drl = Files.writeString(tmp.resolve("comp.drl"), "package comp;");

        assertThatThrownBy(() -> PolicySource.resolve(drl.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy " + drl + " is not a directory (give the directory of its .drl files)");
    }

    @Test
    void anUnknownNameListsTheBundledPacks() {
        String missing = tmp.resolve("resturant").toString();

        assertThatThrownBy(() -> PolicySource.resolve("resturant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy resturant: no such directory, and not a bundled pack (bundled: restaurant, eu261)");
        assertThatThrownBy(() -> PolicySource.resolve(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("policy " + missing + ": no such directory");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> PolicySource.resolve(null)).isInstanceOf(NullPointerException.class);
    }
}
