package dev.perfwatch.loadgen.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * HTTP/1.1 keep-alive client on Netty: requests are written as pre-encoded bytes, responses
 * parsed by Netty's decoder. Each connection carries one request at a time, like wrk;
 * idle connections are reused most-recently-used first, so a closed loop keeps writing on the
 * connection (and event-loop thread) that just finished.
 */
public final class NettyTransport implements HttpTransport {

	private final EventLoopGroup group;

	private final Bootstrap bootstrap;

	private final RequestTemplate template;

	private final String host;

	private final int port;

	private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();

	public NettyTransport(URI target, int threads, Duration connectTimeout, Duration timeout) {
		this.template = new RequestTemplate(target);
		this.host = target.getHost();
		boolean tls = "https".equalsIgnoreCase(target.getScheme());
		this.port = (target.getPort() != -1) ? target.getPort() : (tls ? 443 : 80);
		SslContext sslContext = tls ? clientSslContext() : null;
		boolean epoll = Epoll.isAvailable();
		this.group = new MultiThreadIoEventLoopGroup(threads,
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		this.bootstrap = new Bootstrap().group(this.group)
			.channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					ChannelPipeline pipeline = channel.pipeline();
					if (sslContext != null) {
						pipeline.addLast(sslContext.newHandler(channel.alloc(), NettyTransport.this.host,
								NettyTransport.this.port));
					}
					pipeline.addLast(new HttpResponseDecoder());
					pipeline.addLast(new ExchangeHandler(NettyTransport.this, timeout.toNanos()));
				}
			});
	}

	@Override
	public void send(TraceParent trace, ResponseListener listener) {
		Channel channel = pollIdle();
		if (channel != null) {
			write(channel, trace, listener);
			return;
		}
		ChannelFuture connect = this.bootstrap.connect(this.host, this.port);
		connect.addListener((ChannelFuture future) -> {
			if (future.isSuccess()) {
				write(future.channel(), trace, listener);
			}
			else {
				listener.onFailure(future.cause());
			}
		});
	}

	private Channel pollIdle() {
		Channel channel;
		while ((channel = this.idle.pollFirst()) != null) {
			if (channel.isActive()) {
				return channel;
			}
		}
		return null;
	}

	private void write(Channel channel, TraceParent trace, ResponseListener listener) {
		if (channel.eventLoop().inEventLoop()) {
			writeInLoop(channel, trace, listener);
		}
		else {
			channel.eventLoop().execute(() -> writeInLoop(channel, trace, listener));
		}
	}

	private void writeInLoop(Channel channel, TraceParent trace, ResponseListener listener) {
		ExchangeHandler handler = channel.pipeline().get(ExchangeHandler.class);
		if (handler == null || !channel.isActive()) {
			listener.onFailure(new ConnectionClosedException());
			return;
		}
		handler.begin(listener);
		// A failed write reaches the handler as exceptionCaught, so no per-request promise is needed.
		channel.writeAndFlush(this.template.request(channel.alloc(), trace), channel.voidPromise());
	}

	void release(Channel channel) {
		this.idle.offerFirst(channel);
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private static SslContext clientSslContext() {
		try {
			return SslContextBuilder.forClient().build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("TLS is not available: " + ex.getMessage(), ex);
		}
	}

}
