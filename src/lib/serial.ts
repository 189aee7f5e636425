/**
 * Runs async operations one at a time, in arrival order. A Durable Object's input gate
 * only covers its own storage: an await on D1 or another object lets the next call in,
 * so read-modify-write sequences spanning such awaits queue here instead.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
