package dev.perfwatch.loadgen.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Follows the one request in flight on a connection. Only the connection's event loop touches
 * its fields. The body is discarded as it streams in: the generator measures, it does not read.
 * The timeout timer is lazy, like Netty's ReadTimeoutHandler: it is armed when none is pending and,
 * when it fires early for a later request, re-armed for that request's deadline, so requests
 * do not pay for scheduling and cancelling a timer each.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

	private final NettyTransport transport;

	private final long timeoutNanos;

	private ChannelHandlerContext context;

	private ResponseListener listener;

	private long deadlineNanos;

	private boolean timerArmed;

	private int status;

	private boolean keepAlive;

	ExchangeHandler(NettyTransport transport, long timeoutNanos) {
		this.transport = transport;
		this.timeoutNanos = timeoutNanos;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.context = ctx;
	}

	void begin(ResponseListener listener) {
		this.listener = listener;
		this.status = 0;
		this.deadlineNanos = System.nanoTime() + this.timeoutNanos;
		if (!this.timerArmed) {
			arm(this.timeoutNanos);
		}
	}

	private void arm(long delayNanos) {
		this.timerArmed = true;
		this.context.executor().schedule(this::checkTimeout, delayNanos, TimeUnit.NANOSECONDS);
	}

	private void checkTimeout() {
		this.timerArmed = false;
		if (this.listener == null) {
			return;
		}
		long left = this.deadlineNanos - System.nanoTime();
		if (left > 0) {
			arm(left);
		}
		else {
			fail(new RequestTimeoutException(java.time.Duration.ofNanos(this.timeoutNanos)));
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (msg instanceof HttpResponse response) {
				this.status = response.status().code();
				this.keepAlive = HttpUtil.isKeepAlive(response);
			}
			if (msg instanceof LastHttpContent && this.listener != null) {
				complete();
			}
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	private void complete() {
		ResponseListener done = this.listener;
		this.listener = null;
		if (this.keepAlive) {
			this.transport.release(this.context.channel());
		}
		else {
			this.context.close();
		}
		done.onResponse(this.status);
	}

	void fail(Throwable cause) {
		ResponseListener done = this.listener;
		this.listener = null;
		this.context.close();
		if (done != null) {
			done.onFailure(cause);
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		fail(cause);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.listener != null) {
			fail(new ConnectionClosedException());
		}
	}

}
