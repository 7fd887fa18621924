package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datadesk new SLUG}: a new report that already works, to be rewritten. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create content/SLUG/index.md, a new report with a small working example of a query, a chart, "
                + "a table and inline values, and the example data it uses (content/SLUG/data/sales.csv).",
                "Never overwrites anything."})
final class NewCommand implements Callable<Integer> {

    static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*";

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG", description = "The report's address and folder, e.g. city-budget-2026.")
    String slug;

    @Option(names = "--title", paramLabel = "TEXT", description = "Headline (default: made from the slug).")
    String title;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder with datadesk.yaml (default: current folder).")
    Path project = Path.of(".");

    @Option(names = "--content", paramLabel = "DIR", description = "Markdown pages and their data (default: content).")
    Path content = Path.of("content");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!slug.matches(SLUG_PATTERN)) {
            err.println("datadesk new: '" + slug + "' cannot be a page address; use lowercase letters, digits and hyphens, "
                    + "e.g. " + suggestSlug(slug));
            return Datadesk.USAGE_ERROR;
        }
        BuildOptions options = BuildOptions.defaults(project).withContent(content);
        Path dir = options.contentDir().resolve(slug);
        Path page = dir.resolve("index.md");
        Path csv = dir.resolve("data").resolve("sales.csv");
        for (Path existing : new Path[] {page, options.contentDir().resolve(slug + ".md"), csv}) {
            if (Files.exists(existing)) {
                err.println("datadesk new: " + options.display(existing) + " already exists; nothing was changed.");
                err.println("  hint: choose another slug, or edit the existing page");
                err.flush();
                return Datadesk.CONTENT_ERROR;
            }
        }
        String headline = title != null && !title.isBlank() ? title.strip() : titleOf(slug);
        try {
            Files.createDirectories(csv.getParent());
            // CREATE_NEW: never overwrite, even if the file appeared since the check above.
            Files.writeString(csv, EXAMPLE_CSV, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.writeString(page, page(headline, LocalDate.now()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("datadesk new: " + e.getFile() + " already exists; nothing was overwritten.");
            return Datadesk.CONTENT_ERROR;
        } catch (IOException e) {
            err.println("datadesk new: cannot create " + options.display(page) + ": " + e.getMessage());
            return Datadesk.CONTENT_ERROR;
        }
        out.println("Created " + options.display(page) + " and " + options.display(csv) + ".");
        out.println("Run 'datadesk serve' and open http://127.0.0.1:4000/" + slug + "/ to see it while you write.");
        Path home = options.contentDir().resolve("index.md");
        if (!Files.exists(home))
            out.println("Note: there is no home page yet; " + options.display(home) + " becomes the site's front page.");
        out.flush();
        return 0;
    }

    static String titleOf(String slug) {
        String last = slug.substring(slug.lastIndexOf('/') + 1);
        String words = Arrays.stream(last.split("-")).collect(Collectors.joining(" "));
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String suggestSlug(String wrong) {
        String s = wrong.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]+", "-").replaceAll("(^-+|-+$)", "")
                .replaceAll("-*/-*", "/").replaceAll("/+", "/").replaceAll("(^/|/$)", "");
        return s.matches(SLUG_PATTERN) ? s : "my-report";
    }

    /** YAML double-quoted scalar: safe for any headline (colons, quotes, '#'). */
    static String yamlQuoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static final String EXAMPLE_CSV = """
            year,region,units
            2024,North,120
            2024,South,95
            2024,East,143
            2024,West,88
            2025,North,131
            2025,South,102
            2025,East,150
            2025,West,97
            """;

    static String page(String title, LocalDate date) {
        return """
                ---
                title: %s
                description: "One sentence on what this report finds."
                date: %s
                data:
                  sales: data/sales.csv
                ---

                This report was created by `datadesk new`. Replace the example data in `data/sales.csv` and this text
                with your own: every number on this page is computed from that file each time the site is built.

                ```sql by_region
                select region, sum(units) as units
                from sales
                group by region
                order by units desc
                ```

                ```sql totals
                select sum(units) as units, count(distinct year) as years
                from sales
                ```

                ```sql top
                select region, units, units / (select sum(units) from sales) as share
                from by_region
                order by units desc
                limit 1
                ```

                Over {{ totals.years }} years the four regions sold {{ totals.units | number }} units.
                {{ top.region }} sold the most, {{ top.units | number }} units, or {{ top.share | percent:1 }} of the total.

                ## Units by region

                ```chart
                type: bar
                data: by_region
                x: region
                y: units
                title: Units sold by region
                subtitle: Example data, all years
                y-label: Units
                source: Example data created by datadesk new
                ```

                ```table
                data: by_region
                columns:
                  region: Region
                  units: { label: Units sold, format: number }
                ```
                """.formatted(yamlQuoted(title), date);
    }
}
