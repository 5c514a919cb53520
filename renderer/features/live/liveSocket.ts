/**
 * The page's end of the hub's signalling WebSocket (`/hub/live`, shared/live/protocol.ts). The
 * browser sends the session cookie with the handshake, so it needs no token of its own.
 */
import type { ClientMessage, ServerMessage } from '../../../shared/live/protocol.ts';

export interface LiveSocket {
  send(message: ClientMessage): void;
  /** Every message from the hub; returns the unsubscribe function. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
  /** Called once when the connection closes or cannot open. */
  onClosed(listener: () => void): void;
  close(): void;
}

export function liveSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/hub/live`;
}

export function openLiveSocket(url = liveSocketUrl(window.location)): LiveSocket {
  const socket = new WebSocket(url);
  const listeners = new Set<(message: ServerMessage) => void>();
  const closedListeners: (() => void)[] = [];
  const queued: string[] = [];
  socket.onopen = () => queued.splice(0).forEach((text) => socket.send(text));
  socket.onmessage = (event: MessageEvent<string>) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(event.data) as ServerMessage;
    } catch {
      return;
    }
    listeners.forEach((listener) => listener(message));
  };
  socket.onclose = () => closedListeners.splice(0).forEach((listener) => listener());
  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else if (socket.readyState === WebSocket.CONNECTING) queued.push(text);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClosed(listener) {
      if (socket.readyState === WebSocket.CLOSED) listener();
      else closedListeners.push(listener);
    },
    close() {
      closedListeners.length = 0;
      socket.close();
    },
  };
}
