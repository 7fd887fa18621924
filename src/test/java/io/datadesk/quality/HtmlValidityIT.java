package io.datadesk.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every generated page passes the Nu HTML Checker (the W3C's HTML validator), run in-process, with zero errors. */
class HtmlValidityIT {

    static Stream<Arguments> pages() {
        return QualitySites.all().stream().flatMap(s -> s.htmlFiles().stream().map(f -> Arguments.of(s, s.sitePath(f))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pages")
    void pageIsValidHtml(QualitySites.Site site, String page) throws Exception {
        List<String> errors = validate(site.root().resolve(page));
        assertThat(errors).as("Nu HTML Checker errors in %s/%s", site.name(), page).isEmpty();
    }

    /** A page with a known error is reported, so a silent checker cannot pass the gate above. */
    @org.junit.jupiter.api.Test
    void checkerReportsErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
                + "<table><tr><td align=right>1</td></tr></table><p><div>block in p</div></body></html>");
        assertThat(validate(bad)).anyMatch(e -> e.contains("align")).hasSizeGreaterThanOrEqualTo(1);
    }

    static List<String> validate(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings (such as "consider adding a lang attribute") are advice, not errors.
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        // The schema the checker's own command line uses for HTML; it ships inside the validator jar.
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        validator.checkHtmlFile(file.toFile(), true);
        return errors;
    }
}
