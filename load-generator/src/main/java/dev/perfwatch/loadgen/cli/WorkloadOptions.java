package dev.perfwatch.loadgen.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

import dev.perfwatch.loadgen.run.ClosedModel;
import dev.perfwatch.loadgen.run.OpenModel;
import dev.perfwatch.loadgen.run.Pauses;
import dev.perfwatch.loadgen.run.RateStep;
import dev.perfwatch.loadgen.run.RecipeModel;
import dev.perfwatch.loadgen.run.RecipeSettings;

/** The options that choose the load model. Read as text so every mistake gets one clear line. */
public class WorkloadOptions {

	static final int DEFAULT_CLOSED_CONCURRENCY = 10;

	static final int DEFAULT_OPEN_CONNECTIONS = 256;

	@Option(names = "--recipe", description = "The recipe's pattern: 150 requests, 15 workers, a random 0.1-0.5 s "
			+ "pause between submissions. The default when no other mode option is given.")
	boolean recipe;

	@Option(names = { "-n", "--requests" }, paramLabel = "N",
			description = "Closed model: measured requests to send (after any warmup).")
	Long requests;

	@Option(names = { "-c", "--concurrency" }, paramLabel = "C", description = "Closed model: requests in flight "
			+ "(default " + DEFAULT_CLOSED_CONCURRENCY + "). Open model: most requests in flight, i.e. connections "
			+ "(default " + DEFAULT_OPEN_CONNECTIONS + "); starts beyond it wait and may count as late.")
	Integer concurrency;

	@Option(names = { "-d", "--duration" }, paramLabel = "D", description = "How long to measure: closed model "
			+ "(alone or with --requests, whichever ends first) or open model with one --rate. E.g. 30s, 2m.")
	String duration;

	@Option(names = { "-r", "--rate" }, paramLabel = "R[,R...]", description = "Open model: arrival rate in "
			+ "requests per second, independent of responses. Several rates with --step run one after another.")
	String rate;

	@Option(names = "--step", paramLabel = "D", description = "Open model: how long each --rate step lasts.")
	String step;

	@Option(names = "--warmup", paramLabel = "D", defaultValue = "0s", description = "Load first for this long "
			+ "(open model: at the first rate) and leave it out of every figure. Default: ${DEFAULT-VALUE}.")
	String warmup;

	@Option(names = "--timeout", paramLabel = "D", defaultValue = "30s",
			description = "Bound on one request; a request over it counts as a RequestTimeoutException. Default: ${DEFAULT-VALUE}.")
	String timeout;

	@Option(names = "--connect-timeout", paramLabel = "D", defaultValue = "5s",
			description = "Bound on opening a connection. Default: ${DEFAULT-VALUE}.")
	String connectTimeout;

	@Option(names = "--late-threshold", paramLabel = "D", defaultValue = "10ms", description = "A request that "
			+ "starts later than this after its intended start counts as a late start. Default: ${DEFAULT-VALUE}.")
	String lateThreshold;

	@Option(names = "--threads", paramLabel = "N",
			description = "Network (event-loop) threads. Default: the number of CPUs.")
	Integer threads;

	public Duration timeout() {
		return positive(this.timeout, "--timeout");
	}

	public Duration connectTimeout() {
		return positive(this.connectTimeout, "--connect-timeout");
	}

	public Duration lateThreshold() {
		return Durations.parse(this.lateThreshold);
	}

	public Duration warmup() {
		return Durations.parse(this.warmup);
	}

	public int threads() {
		if (this.threads == null) {
			return Runtime.getRuntime().availableProcessors();
		}
		return positiveInt(this.threads, "--threads");
	}

	public WorkloadPlan plan(RecipeSettings recipeSettings, Pauses pauses) {
		if (this.rate != null) {
			return open();
		}
		if (this.step != null) {
			throw new BadInputException("--step needs --rate");
		}
		if (this.requests != null || this.duration != null || this.concurrency != null) {
			if (this.recipe) {
				throw new BadInputException("--recipe runs the recipe's fixed pattern; drop --requests, --concurrency and --duration");
			}
			return closed();
		}
		if (!warmup().isZero()) {
			throw new BadInputException("the recipe pattern has no warmup; use --requests/--duration or --rate with --warmup");
		}
		return recipe(recipeSettings, pauses);
	}

	private WorkloadPlan recipe(RecipeSettings settings, Pauses pauses) {
		String description = String.format(Locale.ROOT, "recipe: %d requests, %d workers, %s-%s pause between submissions",
				settings.requests(), settings.workers(), Durations.format(settings.minPause()),
				Durations.format(settings.maxPause()));
		return new WorkloadPlan("recipe", new RecipeModel(settings, pauses), description, null, List.of(),
				(long) settings.requests(), null, null, null);
	}

	private WorkloadPlan closed() {
		long count = (this.requests != null) ? positiveLong(this.requests, "--requests") : ClosedModel.UNBOUNDED;
		Duration measure = (this.duration != null) ? positive(this.duration, "--duration") : null;
		if (this.requests == null && measure == null) {
			throw new BadInputException("the closed model needs --requests N or --duration D");
		}
		int inFlight = (this.concurrency != null) ? positiveInt(this.concurrency, "--concurrency") : DEFAULT_CLOSED_CONCURRENCY;
		String bound = (this.requests != null && measure != null) ? count + " requests or " + Durations.format(measure)
				: (this.requests != null) ? count + " requests" : Durations.format(measure);
		String description = String.format(Locale.ROOT, "closed model: %d in flight, %s%s", inFlight, bound, warmupText());
		return new WorkloadPlan("closed", new ClosedModel(count, inFlight, measure, warmup()), description, null, List.of(),
				this.requests, null, null, (measure != null) ? Durations.seconds(measure) : null);
	}

	private WorkloadPlan open() {
		if (this.recipe || this.requests != null) {
			throw new BadInputException("--rate (open model) cannot be combined with --recipe or --requests");
		}
		List<Double> rates = Rates.parse(this.rate);
		Duration each;
		if (this.step != null) {
			if (this.duration != null) {
				throw new BadInputException("stepped rates last --step each; drop --duration");
			}
			each = positive(this.step, "--step");
		}
		else if (rates.size() > 1) {
			throw new BadInputException("several rates need --step, e.g. --rate 50,100,200 --step 30s");
		}
		else if (this.duration == null) {
			throw new BadInputException("the open model needs --duration, e.g. --rate 100 --duration 30s");
		}
		else {
			each = positive(this.duration, "--duration");
		}
		List<RateStep> steps = new ArrayList<>();
		List<double[]> stepRates = new ArrayList<>();
		for (double r : rates) {
			steps.add(new RateStep(r, each));
			stepRates.add(new double[] { r, Durations.seconds(each) });
		}
		int connections = (this.concurrency != null) ? positiveInt(this.concurrency, "--concurrency") : DEFAULT_OPEN_CONNECTIONS;
		OpenModel model = new OpenModel(steps, connections, warmup());
		String description = String.format(Locale.ROOT, "open model: %s req/s for %s%s, at most %d in flight%s",
				this.rate.replace(" ", ""), Durations.format(each), (rates.size() > 1) ? " each" : "", connections,
				warmupText());
		boolean stepped = rates.size() > 1;
		return new WorkloadPlan("open", model, description, model.targetRate(), stepped ? stepRates : List.of(), null,
				rates, stepped ? Durations.seconds(each) : null, Durations.seconds(each) * rates.size());
	}

	private String warmupText() {
		return warmup().isZero() ? "" : ", after " + Durations.format(warmup()) + " of warmup";
	}

	private static Duration positive(String text, String option) {
		Duration value = Durations.parse(text);
		if (value.isZero() || value.isNegative()) {
			throw new BadInputException(option + " must be longer than zero");
		}
		return value;
	}

	private static int positiveInt(int value, String option) {
		if (value <= 0) {
			throw new BadInputException(option + " must be at least 1");
		}
		return value;
	}

	private static long positiveLong(long value, String option) {
		if (value <= 0) {
			throw new BadInputException(option + " must be at least 1");
		}
		return value;
	}

}
