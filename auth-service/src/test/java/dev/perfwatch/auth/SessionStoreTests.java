package dev.perfwatch.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTests {

	@Test
	void evictsTheOldestWhenOverItsBound() {
		SessionStore store = new SessionStore(new SessionProperties(50, 25, true));
		List<Integer> sizes = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			sizes.add(store.add(session("s" + i)));
		}
		assertThat(sizes.subList(0, 50)).containsExactlyElementsOf(range(1, 50));
		assertThat(sizes.get(50)).isEqualTo(26);
		assertThat(store.contains("s24")).isFalse();
		assertThat(store.contains("s25")).isTrue();
		assertThat(store.contains("s50")).isTrue();
	}

	@Test
	void sessionStoreNeverExceedsItsBoundUnderConcurrentLoad() throws Exception {
		SessionStore store = new SessionStore(new SessionProperties(50, 25, true));
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> maxima = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			int thread = t;
			maxima.add(pool.submit(() -> {
				start.await();
				int max = 0;
				for (int i = 0; i < 2_000; i++) {
					max = Math.max(max, store.add(session(thread + "-" + i)));
					max = Math.max(max, store.size());
				}
				return max;
			}));
		}
		start.countDown();
		for (Future<Integer> max : maxima) {
			assertThat(max.get(30, TimeUnit.SECONDS)).isLessThanOrEqualTo(50);
		}
		pool.shutdown();
		assertThat(store.size()).isBetween(26, 50);
	}

	@Test
	void keepsEverySessionWhenEvictionIsDisabled() {
		SessionStore store = new SessionStore(new SessionProperties(50, 25, false));
		for (int i = 0; i < 200; i++) {
			store.add(session("s" + i));
		}
		assertThat(store.size()).isEqualTo(200);
		assertThat(store.details()).isEqualTo(Map.of("memory_usage_sessions", 200));
	}

	private static Session session(String id) {
		return new Session(id, List.of(), Map.of(), List.of());
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> values = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			values.add(i);
		}
		return values;
	}

}
