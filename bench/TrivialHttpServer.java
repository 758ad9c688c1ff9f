import java.nio.charset.StandardCharsets;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The trivial endpoint for bench/loadgen-vs-wrk.sh: answers every GET with a fixed 2-byte body
 * on keep-alive connections. Netty, because python's http.server and the JDK's HttpServer
 * saturate long before wrk does, and then the comparison measures the server, not the clients.
 * Usage: java -cp NETTY_CLASSPATH TrivialHttpServer.java PORT [THREADS]
 */
public final class TrivialHttpServer {

	private static final ByteBuf BODY = Unpooled
		.unreleasableBuffer(Unpooled.directBuffer().writeBytes("ok".getBytes(StandardCharsets.US_ASCII)));

	public static void main(String[] args) throws InterruptedException {
		int port = Integer.parseInt(args[0]);
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		new ServerBootstrap().group(group)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline().addLast(new HttpServerCodec(), new Answer());
				}
			})
			.bind("127.0.0.1", port)
			.sync();
		System.out.println("trivial server listening on 127.0.0.1:" + port);
	}

	@ChannelHandler.Sharable
	static final class Answer extends SimpleChannelInboundHandler<HttpObject> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
			if (msg instanceof HttpRequest) {
				FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
						BODY.duplicate());
				response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
				ctx.write(response);
			}
			if (msg instanceof LastHttpContent) {
				ctx.flush();
			}
		}

	}

}
