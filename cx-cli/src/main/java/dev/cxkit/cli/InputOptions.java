package dev.cxkit.cli;

import dev.cxkit.core.io.InputFormat;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine.Option;

/** How every input file is read: its format and its encoding. */
final class InputOptions {

    @Option(names = "--input-format", paramLabel = "csv|jsonl", converter = Converters.InputFormatConverter.class,
            description = "Read every input as this format. Default: from the file extension (- and unknown "
                    + "extensions: JSON Lines if the first character is {, else CSV).")
    InputFormat format;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "The encoding of inputs without a byte-order mark, for example windows-1252 for the CSV "
                    + "of an older Excel. Default: UTF-8 (UTF-16 is recognised by its byte-order mark, gzip by its "
                    + "first bytes).")
    private String encoding;

    /**
     * Returns the encoding, or null for UTF-8.
     *
     * @throws UsageException if the name is not an encoding this Java knows
     */
    Charset encoding() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("--encoding " + encoding + " is not an encoding Java knows (for example "
                    + "UTF-8, windows-1252, ISO-8859-1)");
        }
    }
}
