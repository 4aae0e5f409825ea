/**
 * Counts how often each row key has appeared so far in one file, for a million keys without a
 * million JavaScript strings: keys live as 128-bit values in an open-addressing table of typed
 * arrays. A Map of strings held over 100 MB of heap at a million rows and kept the garbage
 * collector busy; this holds 36 MB outside the heap. Written by hand because no maintained
 * package offers a fixed-width key table; it is small and tested on its own.
 */
export class OccurrenceCounter {
	private keys: Uint32Array;
	private counts: Uint32Array;
	private mask: number;
	private size = 0;

	constructor(capacity = 1 << 16) {
		this.keys = new Uint32Array(capacity * 4);
		this.counts = new Uint32Array(capacity);
		this.mask = capacity - 1;
	}

	/** Records one more appearance of the 16-byte key and returns its count, 1 for the first. */
	next(key: Uint8Array): number {
		if ((this.size + 1) * 2 > this.counts.length) this.grow();
		const view = new DataView(key.buffer, key.byteOffset, 16);
		const a = view.getUint32(0);
		const b = view.getUint32(4);
		const c = view.getUint32(8);
		const d = view.getUint32(12);
		return this.bump(a, b, c, d, 1);
	}

	private bump(a: number, b: number, c: number, d: number, by: number): number {
		// The key is a cryptographic hash already, so its first word spreads slots evenly.
		for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
			const count = this.counts[slot]!;
			const at = slot * 4;
			if (count === 0) {
				this.keys[at] = a;
				this.keys[at + 1] = b;
				this.keys[at + 2] = c;
				this.keys[at + 3] = d;
				this.counts[slot] = by;
				this.size++;
				return by;
			}
			const k = this.keys;
			if (k[at] === a && k[at + 1] === b && k[at + 2] === c && k[at + 3] === d) {
				this.counts[slot] = count + by;
				return count + by;
			}
		}
	}

	private grow(): void {
		const { keys, counts } = this;
		this.keys = new Uint32Array(keys.length * 2);
		this.counts = new Uint32Array(counts.length * 2);
		this.mask = this.counts.length - 1;
		this.size = 0;
		for (let slot = 0; slot < counts.length; slot++) {
			const count = counts[slot]!;
			if (count === 0) continue;
			const at = slot * 4;
			this.bump(keys[at]!, keys[at + 1]!, keys[at + 2]!, keys[at + 3]!, count);
		}
	}
}
