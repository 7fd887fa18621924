package io.datadesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadesk.data.Attribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Data sources" list: each publisher once, its series or files under it. */
class SourcesListTest {

    @Test
    void aPublisherCreditedForSeveralSeriesIsNamedOnceWithEachSeriesUnderIt() {
        List<PageView.Source> list = PageViews.sources(List.of(
                new Attribution("US Bureau of Labor Statistics, monthly series via FRED", "https://fred.stlouisfed.org/", "US Bureau of Labor Statistics"),
                new Attribution("Challenger, Gray & Christmas", "https://www.challengergray.com/"),
                new Attribution("US Bureau of Labor Statistics, JOLTS layoffs, via FRED (JTSLDL)", "https://fred.stlouisfed.org/series/JTSLDL"),
                new Attribution("Challenger, Gray & Christmas monthly job cut reports", "https://www.challengergray.com/blog/"),
                new Attribution("layoffs.fyi", "https://layoffs.fyi/")));
        assertThat(list).extracting(PageView.Source::text)
                .containsExactly("US Bureau of Labor Statistics", "Challenger, Gray & Christmas", "layoffs.fyi");
        PageView.Source bls = list.get(0);
        assertThat(bls.url()).isNull();
        assertThat(bls.items()).containsExactly(
                new PageView.Source("monthly series via FRED", "https://fred.stlouisfed.org/"),
                new PageView.Source("JOLTS layoffs, via FRED (JTSLDL)", "https://fred.stlouisfed.org/series/JTSLDL"));
        // A publisher credited on its own keeps its link; its longer credits sit under it.
        PageView.Source challenger = list.get(1);
        assertThat(challenger.url()).isEqualTo("https://www.challengergray.com/");
        assertThat(challenger.items()).containsExactly(
                new PageView.Source("monthly job cut reports", "https://www.challengergray.com/blog/"));
        assertThat(list.get(2).items()).isEmpty();
    }

    @Test
    void aSingleCreditStaysOneLineAndUnrelatedNamesAreNotGrouped() {
        List<PageView.Source> list = PageViews.sources(List.of(
                new Attribution("Eurostat, unemployment (une_rt_m)", "https://ec.europa.eu/eurostat", "Eurostat"),
                new Attribution("Euro area statistics", null),
                new Attribution("Eurostatistics digest", null)));
        assertThat(list).containsExactly(
                new PageView.Source("Eurostat, unemployment (une_rt_m)", "https://ec.europa.eu/eurostat"),
                new PageView.Source("Euro area statistics", null),
                new PageView.Source("Eurostatistics digest", null));
    }
}
