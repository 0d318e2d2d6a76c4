package io.maelezo.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.mailet.base.GenericMailet;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.google.inject.Injector;

/**
 * Each mailet's Javadoc holds a complete {@code <mailet>} sample, as James's own mailets do: the
 * mailet starts from its sample as written, the sample names exactly the parameters it takes, and
 * a misspelt parameter stops it with a message that names it (James's {@code checkInitParameters}).
 */
class MailetSamplesTest {
    private static final Injector JAMES = MaelezoTesting.injector();
    private static final Path SOURCES = Path.of(System.getProperty("maelezo.sources.dir", "src/main/java"), "io/maelezo/james");
    private static final Pattern SAMPLE = Pattern.compile("<pre><code>\\s*(.*?)</code></pre>", Pattern.DOTALL);

    /** One mailet sample: the class it names, the matcher, and its parameters in order. */
    private static final class Sample {
        final String matcher;
        final String mailetClass;
        final Map<String, String> parameters = new LinkedHashMap<>();

        Sample(String matcher, String mailetClass) {
            this.matcher = matcher;
            this.mailetClass = mailetClass;
        }
    }

    private static Sample sampleOf(String source) throws Exception {
        String javadoc = Files.readString(SOURCES.resolve(source), StandardCharsets.UTF_8);
        Matcher pre = SAMPLE.matcher(javadoc);
        assertThat(pre.find()).as(source + " has a <pre><code> sample in its Javadoc").isTrue();
        String xml = pre.group(1).replaceAll("(?m)^\\s*\\* ?", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        Element mailet = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(mailet.getTagName()).isEqualTo("mailet");
        Sample sample = new Sample(mailet.getAttribute("match"), mailet.getAttribute("class"));
        NodeList children = mailet.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element) {
                sample.parameters.put(((Element) child).getTagName(), child.getTextContent());
            }
        }
        return sample;
    }

    private static FakeMailetConfig config(String name, Map<String, String> parameters) {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName(name);
        parameters.forEach(config::setProperty);
        return config.build();
    }

    private static void startsFromItsSample(String source, Class<? extends GenericMailet> type, Set<String> accepted) throws Exception {
        Sample sample = sampleOf(source);
        assertThat(sample.mailetClass).isEqualTo(type.getName());
        assertThat(sample.parameters.keySet()).as(source + "'s sample names exactly the parameters it takes").isEqualTo(accepted);

        GenericMailet mailet = JAMES.getInstance(type);
        mailet.init(config(type.getSimpleName(), sample.parameters));

        Map<String, String> misspelt = new LinkedHashMap<>(sample.parameters);
        misspelt.put("langauge", "en");
        assertThatThrownBy(() -> JAMES.getInstance(type).init(config(type.getSimpleName(), misspelt)))
            .isInstanceOf(MessagingException.class).hasMessageContaining("langauge");
    }

    @Test
    void decorateBounceStartsFromItsSample() throws Exception {
        startsFromItsSample("DecorateBounce.java", DecorateBounce.class, DecorateBounce.PARAMETERS);
        assertThat(sampleOf("DecorateBounce.java").matcher).isEqualTo(IsBounce.class.getName());
    }

    @Test
    void explainedDsnBounceStartsFromItsSample() throws Exception {
        startsFromItsSample("ExplainedDSNBounce.java", ExplainedDSNBounce.class, ExplainedDSNBounce.PARAMETERS);
    }

    @Test
    void explainDeliveryFailureStartsFromItsSample() throws Exception {
        startsFromItsSample("ExplainDeliveryFailure.java", ExplainDeliveryFailure.class, ExplainDeliveryFailure.PARAMETERS);
    }

    @Test
    void isBounceTakesNoCondition() throws Exception {
        assertThat(sampleOf("IsBounce.java").matcher).isEqualTo(IsBounce.class.getName());
        MaelezoTesting.isBounce().init(FakeMatcherConfig.builder().matcherName("IsBounce").build());
        assertThatThrownBy(() -> MaelezoTesting.isBounce().init(FakeMatcherConfig.builder().matcherName("IsBounce").condition("true").build()))
            .isInstanceOf(MessagingException.class).hasMessageContaining("no condition");
    }

    @Test
    void theSnippetHoldsTheSameMaelezoBlocksAsTheWholeFile() throws Exception {
        Path config = Path.of(System.getProperty("maelezo.config.dir", "../config"));
        String whole = Files.readString(config.resolve("mailetcontainer.xml"), StandardCharsets.UTF_8);
        String snippet = Files.readString(config.resolve("maelezo-snippet.xml"), StandardCharsets.UTF_8);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(config.resolve("maelezo-snippet.xml").toFile()); // well-formed
        assertThat(maelezoBlocks(snippet)).hasSize(2).isEqualTo(maelezoBlocks(whole));
    }

    /** The blocks between "maelezo (n of 2)" and "/maelezo", whitespace made single spaces. */
    private static java.util.List<String> maelezoBlocks(String xml) {
        java.util.List<String> blocks = new java.util.ArrayList<>();
        Matcher block = Pattern.compile("<!-- maelezo \\(\\d of 2\\).*?<!-- /maelezo -->", Pattern.DOTALL).matcher(xml);
        while (block.find()) {
            blocks.add(block.group().replaceAll("\\s+", " "));
        }
        return blocks;
    }

    @Test
    void theShippedConfigurationUsesOnlyParametersTheMailetsTake() throws Exception {
        String config = Files.readString(Path.of(System.getProperty("maelezo.config.dir", "../config"), "mailetcontainer.xml"), StandardCharsets.UTF_8);
        Matcher mailet = Pattern.compile("<mailet match=\"[^\"]*\" class=\"io\\.maelezo\\.james\\.(\\w+)\">(.*?)</mailet>", Pattern.DOTALL).matcher(config);
        int found = 0;
        while (mailet.find()) {
            found++;
            Set<String> accepted = new HashSet<>(mailet.group(1).equals("DecorateBounce") ? DecorateBounce.PARAMETERS
                : mailet.group(1).equals("ExplainedDSNBounce") ? ExplainedDSNBounce.PARAMETERS : ExplainDeliveryFailure.PARAMETERS);
            accepted.addAll(Set.of("onMailetException", "onMatchException")); // James's own, for every mailet
            Matcher parameter = Pattern.compile("<(\\w+)>").matcher(mailet.group(2));
            while (parameter.find()) {
                assertThat(accepted).as("config/mailetcontainer.xml, " + mailet.group(1) + ": a parameter it takes").contains(parameter.group(1));
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }
}
