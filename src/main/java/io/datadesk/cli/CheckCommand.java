package io.datadesk.cli;

import io.datadesk.build.BuildOptions;
import io.datadesk.build.BuildResult;
import io.datadesk.build.LinkCheck;
import io.datadesk.build.SiteBuilder;
import io.datadesk.config.SiteConfig;
import io.datadesk.error.ContentException;
import io.datadesk.error.Diagnostic;
import io.datadesk.read.ContentTree;
import io.datadesk.read.SourcePage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datadesk check}: everything a build does, plus a link check, without touching the output. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Build the whole site (queries, charts, templates) without writing site/, then check that every "
                + "internal link and anchor of the built pages resolves.",
                "Exits with 1 and lists every problem if anything is wrong: for pre-commit hooks and CI."})
final class CheckCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ProjectOptions project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = project.buildOptions(Path.of("site"), false);
        SiteBuilder builder = new SiteBuilder(options);
        BuildResult result;
        try {
            result = builder.build();
        } catch (ContentException e) {
            BuildCommand.printErrors(e, err);
            err.println("Check failed.");
            err.flush();
            return Datadesk.CONTENT_ERROR;
        }
        // The build succeeded, so the configuration and the content folder are known to be readable.
        SiteConfig config = SiteConfig.load(options.projectDir().resolve(SiteConfig.FILE_NAME), SiteConfig.FILE_NAME);
        Map<String, SourcePage> sources = new HashMap<>();
        for (SourcePage p : ContentTree.scan(options.contentDir(), options.projectDir(),
                config.language(), config.languages().keySet()).pages()) sources.put(p.outputFile(), p);
        List<Diagnostic> broken = new LinkCheck(builder.lastSite(), config.baseUrl(), sources).check();
        if (!broken.isEmpty()) {
            BuildCommand.printErrors(new ContentException(broken), err);
            err.println("Check failed.");
            err.flush();
            return Datadesk.CONTENT_ERROR;
        }
        if (!project.quiet) {
            out.println("Checked " + result.summary() + "; all links resolve.");
            out.flush();
        }
        return 0;
    }
}
