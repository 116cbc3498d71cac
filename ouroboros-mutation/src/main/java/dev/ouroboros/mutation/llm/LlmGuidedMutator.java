package dev.ouroboros.mutation.llm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import dev.ouroboros.mutation.UnifiedDiff;
import dev.ouroboros.mutation.strategy.MutationStrategy;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM-guided strategy: asks a chat model for a faster version of a hot method and turns each
 * acceptable reply into a candidate.
 *
 * <p>The prompt carries the method's exact text, its class context (fields and the other members'
 * signatures), its hot lines with their share of samples ({@link #observeHotLines}) and earlier
 * failures — compile errors and test failures the engine reports through {@link #recordFeedback},
 * and the reasons earlier replies were rejected. A reply is a whole method or SEARCH/REPLACE blocks;
 * it is spliced into the unit in place of the member, so every other character stays as it was. A
 * reply that cannot be used (not Java, a changed signature, added members or lambdas, a refusal, a
 * truncated reply, an unmatched SEARCH block) gives an {@link LlmRejection} with the reason, never a
 * silent skip. When the endpoint fails the call stops asking, logs the reason and returns what it
 * has, so the other strategies of a mix take over; it never waits longer than the client's timeout
 * per request.
 *
 * <p>LLM-written candidates are untrusted code: they are {@link OperatorKind#EXPLORATORY exploratory}
 * and {@link MutationSeverity#MAJOR major}, and only sandbox workers may run them until proven.
 * Safe for use by several threads when its client is.
 */
public final class LlmGuidedMutator implements MutationStrategy {

    /** The operator name LLM-written candidates carry. */
    public static final String OPERATOR = "llm-guided";

    private static final Logger LOG = LoggerFactory.getLogger(LlmGuidedMutator.class);
    private static final int CONTEXT_LINES = 3;
    private static final int MAX_FEEDBACK_CHARS = 1500;

    private final LlmClient client;
    private final int maxRequests;
    private final int maxFeedback;
    private final Map<String, SortedMap<Integer, Long>> hotLines = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<String>> feedback = new ConcurrentHashMap<>();

    private LlmGuidedMutator(Builder builder) {
        this.client = builder.client;
        this.maxRequests = builder.maxRequests;
        this.maxFeedback = builder.maxFeedback;
    }

    /** Returns a builder around a client; defaults: at most 3 requests per proposal, the last 5 feedback notes per region. */
    public static Builder builder(LlmClient client) {
        return new Builder(client);
    }

    @Override
    public String name() {
        return OPERATOR;
    }

    /**
     * Remembers the region's hot lines for its next prompts.
     *
     * @param lineSamples samples per 1-based line of the region's file, for example
     *                    {@link dev.ouroboros.genome.Hotspot#lineSamples()}
     */
    public void observeHotLines(String regionId, Map<Integer, Long> lineSamples) {
        Objects.requireNonNull(regionId, "regionId must not be null");
        Objects.requireNonNull(lineSamples, "lineSamples must not be null");
        lineSamples.forEach((line, count) -> {
            if (line == null || count == null || line < 1 || count < 0) {
                throw new IllegalArgumentException("lineSamples must map lines >= 1 to counts >= 0, had " + line + "="
                        + count);
            }
        });
        hotLines.put(regionId, new TreeMap<>(lineSamples));
    }

    /**
     * Remembers a failure of an earlier candidate of the region (a compile error, a failing test, a
     * differential mismatch) for its next prompts; only the latest few are kept, each shortened.
     */
    public void recordFeedback(String regionId, String message) {
        Objects.requireNonNull(regionId, "regionId must not be null");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("feedback message must not be blank, was " + message);
        }
        String note = message.length() <= MAX_FEEDBACK_CHARS ? message : message.substring(0, MAX_FEEDBACK_CHARS) + " ...";
        ArrayDeque<String> notes = feedback.computeIfAbsent(regionId, k -> new ArrayDeque<>());
        synchronized (notes) {
            notes.addLast(note);
            while (notes.size() > maxFeedback) {
                notes.removeFirst();
            }
        }
    }

    /** Returns the feedback notes the next prompt for the region will carry, oldest first. */
    public List<String> feedback(String regionId) {
        ArrayDeque<String> notes = feedback.get(regionId);
        if (notes == null) {
            return List.of();
        }
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Returns the candidates of {@link #generate} for at most {@code budget} requests; rejections are logged. */
    @Override
    public List<MutationCandidate> propose(SourceGenome genome, GenomeRegion region, int budget,
            RandomGenerator random) {
        LlmOutcome outcome = generate(genome, region, Math.min(budget, maxRequests), random);
        outcome.rejections().forEach(r -> LOG.info("LLM request {} for {} gave no candidate: {}", r.request(),
                r.regionId(), r.reason()));
        return outcome.candidates();
    }

    /**
     * Sends up to {@code requests} prompts about the region, one after another, and turns the replies
     * into candidates. A rejected reply's reason joins the region's feedback, so the next prompt says
     * what went wrong; an endpoint failure ends the call.
     *
     * @return the candidates and the rejections, never null
     * @throws dev.ouroboros.genome.OuroborosException when the region's source is missing or no longer declares it
     */
    public LlmOutcome generate(SourceGenome genome, GenomeRegion region, int requests, RandomGenerator random) {
        Objects.requireNonNull(genome, "genome must not be null");
        Objects.requireNonNull(region, "region must not be null");
        Objects.requireNonNull(random, "random must not be null");
        if (requests <= 0) {
            throw new IllegalArgumentException("requests must be positive, was " + requests);
        }
        String className = region.topLevelClassName();
        String original = genome.sourceText(className);
        JavaParser parser = new JavaParser(genome.parserConfiguration());
        MemberSource source = MemberSource.of(parser, original, region);
        String path = relativePath(genome, genome.sourceFile(className).orElseThrow());
        List<MutationCandidate> candidates = new ArrayList<>();
        List<LlmRejection> rejections = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            long seed = random.nextLong();
            LlmPrompt prompt = PromptBuilder.prompt(region, source,
                    hotLines.getOrDefault(region.id(), new TreeMap<>()), feedback(region.id()));
            LlmReply reply;
            try {
                reply = client.complete(prompt);
            } catch (LlmException e) {
                LOG.warn("LLM-guided mutation of {} stops: {}; the other strategies continue", region.id(),
                        e.getMessage());
                rejections.add(new LlmRejection(region.id(), i, "endpoint: " + e.getMessage(), ""));
                break;
            }
            String reason = "";
            ReplyParser.Result result = ReplyParser.parse(parser, reply, source);
            String text = null;
            if (!result.accepted()) {
                reason = result.rejection();
            } else {
                text = source.splice(result.memberText());
                reason = verify(parser, text, region, texts);
            }
            if (!reason.isEmpty()) {
                rejections.add(new LlmRejection(region.id(), i, reason, OpenAiChatClient.excerpt(reply.content())));
                recordFeedback(region.id(), "a reply was rejected: " + reason);
                continue;
            }
            texts.add(text);
            String id = GenomeChecksum.sha256(region.id() + '\n' + OPERATOR + '\n' + i + '\n' + seed + '\n'
                    + reply.content()).substring(0, 16);
            candidates.add(new MutationCandidate(id, OPERATOR, OperatorKind.EXPLORATORY, MutationSeverity.MAJOR,
                    region.id(), className, seed, i, original, text,
                    UnifiedDiff.between(original, text, "a/" + path, "b/" + path, CONTEXT_LINES), true));
        }
        return new LlmOutcome(candidates, rejections);
    }

    private static String verify(JavaParser parser, String text, GenomeRegion region, Set<String> earlier) {
        ParseResult<CompilationUnit> unit = parser.parse(text);
        if (!unit.isSuccessful() || unit.getResult().isEmpty()) {
            return "not Java: the unit with the reply in place does not parse";
        }
        if (region.locate(unit.getResult().get()).isEmpty()) {
            return "changed signature: the unit no longer declares " + region.id();
        }
        if (earlier.contains(text)) {
            return "repeats the candidate of an earlier reply";
        }
        return "";
    }

    private static String relativePath(SourceGenome genome, Path file) {
        for (Path root : genome.roots()) {
            if (file.startsWith(root)) {
                return root.relativize(file).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }

    /** Configures an {@link LlmGuidedMutator}; not thread-safe. */
    public static final class Builder {

        private final LlmClient client;
        private int maxRequests = 3;
        private int maxFeedback = 5;

        private Builder(LlmClient client) {
            this.client = Objects.requireNonNull(client, "client must not be null");
        }

        /** Sets the most requests one proposal sends (each costs a round trip and tokens); positive. */
        public Builder maxRequests(int maxRequests) {
            if (maxRequests <= 0) {
                throw new IllegalArgumentException("maxRequests must be positive, was " + maxRequests);
            }
            this.maxRequests = maxRequests;
            return this;
        }

        /** Sets how many of the latest feedback notes per region a prompt carries; not negative. */
        public Builder maxFeedback(int maxFeedback) {
            if (maxFeedback < 0) {
                throw new IllegalArgumentException("maxFeedback must not be negative, was " + maxFeedback);
            }
            this.maxFeedback = maxFeedback;
            return this;
        }

        /** Returns the mutator. */
        public LlmGuidedMutator build() {
            return new LlmGuidedMutator(this);
        }
    }
}
