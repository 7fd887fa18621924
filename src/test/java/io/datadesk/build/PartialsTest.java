package io.datadesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partials: Markdown from {@code partials/NAME.md} included in pages by {@code {{> NAME }}}. */
class PartialsTest {

    @TempDir Path dir;
    SiteFixture fx;

    static final String PAGE = """
            ---
            title: Sales
            data:
              sales: data/sales.csv
            ---
            ```sql total
            select sum(units) as units, count(*) as regions from sales
            ```

            Intro.

            {{> key-figures }}

            ## Method

            {{> methodology }}

            Closing {{ total.units | number }}.
            """;

    @BeforeEach
    void content() {
        fx = new SiteFixture(dir)
                .write("content/index.md", "---\ntitle: Home\n---\nSee [sales](sales/) and [costs](costs/).\n")
                .write("content/sales/index.md", PAGE)
                .write("content/sales/data/sales.csv", "region,units\nNorth,1200\nSouth,950\n")
                .write("content/costs/index.md", "---\ntitle: Costs\n---\nCosts.\n\n{{> methodology }}\n")
                .write("partials/key-figures.md", """
                        <aside class="key-figures">

                        **{{ total.units | number }}** units in **{{ total.regions }}** regions.

                        </aside>
                        """)
                .write("partials/methodology.md", "We count every unit sold, *once*.\n\n{{> shared/contact }}\n")
                .write("partials/shared/contact.md", "Questions: ask the data desk.\n");
    }

    @Test
    void partialsAreIncludedByNameComputedWithThePagesDataAndSharedAcrossPages() throws Exception {
        fx.build();
        String sales = fx.read("site/sales/index.html");
        // Inline values are links to "How the numbers were computed": compare the reader's text where they are.
        String salesText = org.jsoup.Jsoup.parse(sales).text();
        assertThat(sales).containsPattern("<strong><a id=\"dd-num-\\d+\" href=\"how-computed.html#dd-how-\\d+\">2,150</a></strong> units in <strong>")
                .contains("We count every unit sold, <em>once</em>.").contains("Questions: ask the data desk.").doesNotContain("{{>");
        assertThat(salesText).contains("2,150 units in 2 regions.").contains("Closing 2,150.");
        assertThat(fx.read("site/costs/index.html")).contains("We count every unit sold, <em>once</em>.")
                .contains("Questions: ask the data desk.");
    }

    @Test
    void anIncludeInACodeBlockIsShownAsItIs() throws Exception {
        fx.write("content/costs/index.md", "---\ntitle: Costs\n---\n```markdown\n{{> methodology }}\n```\n");
        fx.build();
        assertThat(fx.read("site/costs/index.html")).contains("{{&gt; methodology }}").doesNotContain("We count");
    }

    @Test
    void aMissingPartialIsALocatedErrorNamingThePartialsThereAre() {
        fx.write("content/costs/index.md", "---\ntitle: Costs\n---\nCosts.\n\n  {{> methodolgy }}\n");
        String before = fx.snapshot("site");
        SiteFixture.Run run = fx.cli("build");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("content/costs/index.md:6:3: error: no partial 'methodolgy': partials/methodolgy.md does not exist")
                .contains("hint: partials: key-figures, methodology, shared/contact (did you mean 'methodology'?)");
        assertThat(fx.snapshot("site")).isEqualTo(before);
    }

    @Test
    void anIncludeCycleIsAnErrorAtTheIncludeThatClosesIt() {
        fx.write("partials/shared/contact.md", "Questions?\n\n{{> methodology }}\n");
        List<Diagnostic> errors = errors();
        assertThat(errors).extracting(Diagnostic::location, Diagnostic::message)
                .contains(org.assertj.core.groups.Tuple.tuple("partials/shared/contact.md:3:1",
                        "include cycle: methodology → shared/contact → methodology"));
    }

    @Test
    void aProblemInsideAPartialIsReportedInThePartialAndOneAfterItAtThePagesOwnLine() {
        fx.write("partials/key-figures.md", "Units:\n\n**{{ total.units | percnt }}**\n");
        fx.write("content/sales/index.md", PAGE.replace("Closing {{ total.units | number }}.", "Closing {{ total.unts | number }}."));
        List<Diagnostic> errors = errors();
        assertThat(errors).anySatisfy(d -> {
            assertThat(d.location()).startsWith("partials/key-figures.md:3:");
            assertThat(d.message()).contains("percnt");
        });
        // the page's line 18 holds "Closing …": counted in the page, not in the expanded text
        assertThat(errors).anySatisfy(d -> {
            assertThat(d.location()).startsWith("content/sales/index.md:18:");
            assertThat(d.message()).contains("unts");
        });
    }

    @Test
    void editingAPartialRebuildsThePagesThatIncludeIt() throws Exception {
        SiteBuilder builder = new SiteBuilder(fx.options());
        builder.build();
        fx.write("partials/shared/contact.md", "Write to the news desk.\n");
        builder.build();
        assertThat(fx.read("site/sales/index.html")).contains("Write to the news desk.").doesNotContain("ask the data desk");
        assertThat(fx.read("site/costs/index.html")).contains("Write to the news desk.");
    }

    private List<Diagnostic> errors() {
        try {
            fx.build();
        } catch (ContentException e) {
            return e.diagnostics();
        }
        throw new AssertionError("the build should have failed");
    }
}
