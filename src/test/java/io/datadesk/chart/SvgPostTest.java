package io.datadesk.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgPostTest {

    @Test
    void straightPathsUseHAndVAndDropRepeatedPoints() {
        assertThat(SvgPost.straightPath("M44.3,213.5L44.3,213.5L314,213.5L314.5,213.5L314.5,214.5L314,214.5L44.3,214.5L43.8,214.5L43.8,213.5Z"))
                .isEqualTo("M44.3,213.5H314.5V214.5H43.8V213.5Z"); // steps going on the same way are one edge
        // a step back is kept: the outline doubles back on itself there
        assertThat(SvgPost.straightPath("M0,0L5,0L3,0L3,4L3,6L3,5")).isEqualTo("M0,0H5H3V6V5");
        assertThat(SvgPost.straightPath("M1,2L3,4L5,4Z")).isEqualTo("M1,2L3,4H5Z");
        // a lone point keeps a zero-length step, which round caps draw as a dot
        assertThat(SvgPost.straightPath("M1,2L1,2")).isEqualTo("M1,2H1");
        assertThat(SvgPost.straightPath("M1,2L1,2M5,6L7,6")).isEqualTo("M1,2H1M5,6H7");
        // after Z the pen is back at the start of the subpath
        assertThat(SvgPost.straightPath("M0,0L5,0L5,5ZL0,9")).isEqualTo("M0,0H5V5ZV9");
        // curves are left alone
        assertThat(SvgPost.straightPath("M0,0C1,1,2,2,3,3")).isEqualTo("M0,0C1,1,2,2,3,3");
    }

    @Test
    void consecutiveGroupsWithTheSameAttributesBecomeOne() {
        String body = "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M1,1L2,1L2,5L1,5Z'/></g>"
                + "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M3,1L4,1L4,5L3,5Z'/></g>"
                + "<g><text x='1' y='2' class='s0'>2022</text></g>"
                + "<g class='s2' transform='matrix(1,0,0,1,0,22)' clip-path='url(#c)'><path d='M5,1L6,1L6,5L5,5Z'/></g>";
        assertThat(SvgPost.compactGeometry(body)).isEqualTo(
                "<g class='s2' transform='translate(0,22)' clip-path='url(#c)'><path d='M1,1H2V5H1Z'/><path d='M3,1H4V5H3Z'/></g>"
                + "<text x='1' y='2' class='s0'>2022</text>"
                + "<g class='s2' transform='translate(0,22)' clip-path='url(#c)'><path d='M5,1H6V5H5Z'/></g>");
    }
}
