package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that builds shares: where the project, its content and its templates are. */
final class ProjectOptions {

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder with datadesk.yaml (default: current folder).")
    Path project = Path.of(".");

    @Option(names = "--content", paramLabel = "DIR", description = "Markdown pages and their data (default: content).")
    Path content = Path.of("content");

    @Option(names = "--templates", paramLabel = "DIR", description = "Thymeleaf templates and assets (default: templates).")
    Path templates = Path.of("templates");

    @Option(names = "--drafts", description = "Also include pages marked 'draft: true'.")
    boolean drafts;

    @Option(names = "--refresh", description = "Run the queries of database datasets (jdbc:) again, even when their last results are younger than their 'refresh:'.")
    boolean refresh;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    BuildOptions buildOptions(Path out, boolean write) {
        return new BuildOptions(project, content, templates, out, drafts, write, refresh);
    }
}
