package io.newswire.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real server, for fault injection: {@link #cut()} closes every connection
 * and refuses new ones (the server is unreachable, as behind a network partition), {@link #restore()}
 * listens again on the same port. Given a TLS context, it terminates TLS in front of a plain server (a
 * registry behind https).
 */
final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  private final javax.net.ServerSocketFactory sockets;

  TcpProxy(String host, int targetPort) throws IOException {
    this(host, targetPort, null);
  }

  /** With {@code tls}, clients speak TLS to the proxy, which speaks plain TCP to the server. */
  TcpProxy(String host, int targetPort, javax.net.ssl.SSLContext tls) throws IOException {
    this.target = new InetSocketAddress(host, targetPort);
    this.sockets = tls == null ? javax.net.ServerSocketFactory.getDefault() : tls.getServerSocketFactory();
    ServerSocket first = sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = first.getLocalPort();
    listen(first);
  }

  int port() {
    return port;
  }

  synchronized void cut() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  synchronized void restore() throws IOException {
    ServerSocket again = sockets.createServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(again);
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private void listen(ServerSocket socket) {
    server = socket;
    Thread accept = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket upstream = new Socket();
          upstream.connect(target, 2000);
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          // closed by cut(), or the target refused: the client sees its connection fail
        }
      }
    }, "tcp-proxy-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  private void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // a side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }
}
