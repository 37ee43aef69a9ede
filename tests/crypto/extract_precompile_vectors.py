#!/usr/bin/env python3
"""extract_precompile_vectors.py — turns EEST blockchain-test fixtures into precompile vectors.

Most EEST precompile tests send the input as calldata to an entry contract of straight-line code:
copy the calldata to memory, CALL the precompile with a fixed gas, then SSTORE the success flag,
RETURNDATASIZE, keccak(returndata) and/or words of the output. This script runs that code
symbolically (the precompile's result stays a symbol), pairs every SSTORE with the value the
fixture's post-state holds, and writes one line per call:

  <test-id> <fork> <address> <gas|max> <input-hex|-> [S=<0|1>] [L=<len>] [K=<keccak(out)>] [W<off>=<32 bytes>]...

(S: success, L: output length, K: keccak256 of the output, W: output bytes at an offset.)
Calls whose gas comes from the GAS opcode, or asks for about as much as the transaction has, are
written with gas `max:<tx gas limit>`, an upper bound (the 63/64 rule decides the real amount), and kept only when the fixture says they succeeded; calls that transfer value are dropped
(they can fail on the balance before the precompile runs). Only single-fork networks are kept;
code with jumps, several precompile calls or other opcodes is skipped, as are transactions that
did not run to the end (a keccak slot, never zero, missing from the post-state).

Usage: extract_precompile_vectors.py OUT_FILE FIXTURE_DIR...  (a fixture root or test directories)
"""
import glob
import json
import os
import sys

PRECOMPILES = set(range(1, 0x12)) | {0x100}
FORKS = {'Frontier', 'Homestead', 'Byzantium', 'Constantinople', 'ConstantinopleFix', 'Petersburg',
         'Istanbul', 'Berlin', 'London', 'Paris', 'Merge', 'Shanghai', 'Cancun', 'Prague', 'Osaka',
         'BPO1', 'BPO2', 'BPO3', 'BPO4', 'BPO5', 'Amsterdam'}


class Unsupported(Exception):
    pass


SUCCESS, SIZE, KECCAK_OUT, GAS = 'success', 'size', 'keccak_out', 'gas'


def run(code, calldata):
    """Symbolic run; returns (call, stores) with call = (addr, gas, input, value)."""
    stack, mem, stores = [], {}, {}
    call = None
    out_copy = {}  # memory offset -> source offset of a RETURNDATACOPY of symbolic size
    pc = 0

    def pop():
        if not stack:
            raise Unsupported('stack underflow')
        return stack.pop()

    def concrete(v):
        if not isinstance(v, int):
            raise Unsupported('symbolic operand')
        if v > 1 << 24:
            raise Unsupported('operand too large for an offset or size')
        return v

    while pc < len(code):
        op = code[pc]
        pc += 1
        if 0x60 <= op <= 0x7f:
            n = op - 0x5f
            stack.append(int.from_bytes(code[pc:pc + n].ljust(n, b'\0'), 'big'))
            pc += n
        elif op == 0x5f:
            stack.append(0)
        elif op == 0x00:
            break
        elif op == 0x36:
            stack.append(len(calldata))
        elif op == 0x37:
            dest, off, size = concrete(pop()), concrete(pop()), concrete(pop())
            for i in range(size):
                mem[dest + i] = calldata[off + i] if off + i < len(calldata) else 0
        elif op == 0x3d:
            stack.append(SIZE if call else 0)
        elif op == 0x3e:
            dest, off, size = concrete(pop()), concrete(pop()), pop()
            if size == SIZE:
                out_copy[dest] = off
            else:
                for i in range(concrete(size)):
                    mem[dest + i] = ('out', off + i, None)
        elif op == 0x20:
            off, size = concrete(pop()), pop()
            if size == SIZE and out_copy.get(off) == 0:
                stack.append(KECCAK_OUT)
            else:
                raise Unsupported('keccak of other data')
        elif op == 0x51:
            off = concrete(pop())
            stack.append(('mem', tuple(mem.get(off + i, 0) for i in range(32))))
        elif op == 0x52:
            off, val = concrete(pop()), pop()
            if not isinstance(val, int):
                raise Unsupported('symbolic store')
            for i in range(32):
                mem[off + i] = (val >> (8 * (31 - i))) & 0xff
        elif op == 0x55:
            key, val = pop(), pop()
            if not isinstance(key, int):
                raise Unsupported('symbolic key')
            stores[key] = val
        elif op == 0x5a:
            stack.append(GAS)
        elif op == 0x50:
            pop()
        elif 0x80 <= op <= 0x8f:
            if len(stack) < op - 0x7f:
                raise Unsupported('stack underflow')
            stack.append(stack[-(op - 0x7f)])
        elif 0x90 <= op <= 0x9f:
            n = op - 0x8f
            if len(stack) < n + 1:
                raise Unsupported('stack underflow')
            stack[-1], stack[-1 - n] = stack[-1 - n], stack[-1]
        elif op in (0x01, 0x03):
            a, b = pop(), pop()
            if isinstance(a, int) and isinstance(b, int):
                stack.append((a + b if op == 0x01 else a - b) % 2**256)
            else:
                stack.append(('expr',))
        elif op in (0xf1, 0xf2, 0xf4, 0xfa):
            gas, addr = pop(), pop()
            value = pop() if op in (0xf1, 0xf2) else 0
            if not isinstance(addr, int) or not isinstance(value, int):
                raise Unsupported('symbolic address or value')
            a_off, a_size, r_off, r_size = (concrete(pop()) for _ in range(4))
            if addr not in PRECOMPILES or call is not None:
                raise Unsupported('call to a non-precompile or several calls')
            data = bytes(mem.get(a_off + i, 0) for i in range(a_size))
            if any(not isinstance(mem.get(a_off + i, 0), int) for i in range(a_size)):
                raise Unsupported('symbolic input')
            call = (addr, gas, data, value)
            for i in range(r_size):
                mem[r_off + i] = ('out', i, mem.get(r_off + i, 0))
            stack.append(SUCCESS)
        else:
            raise Unsupported('opcode %02x' % op)
    if call is None:
        raise Unsupported('no precompile call')
    return call, stores


def checks(stores, storage):
    """Pairs each symbolic SSTORE with the post-state value; returns the check strings."""
    out = []
    for key, val in sorted(stores.items(), key=lambda kv: kv[0]):
        want = int(storage.get(key, 0))
        if val == SUCCESS:
            out.append('S=%d' % want)
        elif val == SIZE:
            out.append('L=%d' % want)
        elif val == KECCAK_OUT:
            if want == 0:
                raise Unsupported('transaction did not complete')
            out.append('K=%064x' % want)
        elif isinstance(val, tuple) and val[0] == 'mem':
            src = val[1]
            # Only words copied from consecutive output bytes with a known fallback are checked.
            if all(isinstance(s, tuple) and s[0] == 'out' for s in src) and \
                    all(src[i][1] == src[0][1] + i for i in range(32)) and \
                    all(isinstance(s[2], int) for s in src):
                fallback = bytes(s[2] for s in src)
                out.append('W%d=%064x/%s' % (src[0][1], want, fallback.hex()))
    return out


def main():
    out_path, roots = sys.argv[1], sys.argv[2:]
    # A fixture root (the unpacked EEST archives) holds blockchain_tests*/ and benchmark/: use
    # the blockchain tests only (the benchmark blocks are huge and call no precompile this way).
    dirs = []
    for root in roots:
        subs = sorted(os.path.join(root, d) for d in os.listdir(root)
                      if d.startswith('blockchain_tests') and os.path.isdir(os.path.join(root, d)))
        dirs.extend(subs or [root])
    lines, seen, skipped = [], set(), 0
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, '**', '*.json'), recursive=True)):
            try:
                data = json.load(open(path))
            except (OSError, ValueError):
                continue
            if not isinstance(data, dict):
                continue
            for name, t in data.items():
                if not isinstance(t, dict) or t.get('network') not in FORKS or 'postState' not in t:
                    continue
                pre = {k.lower(): v for k, v in t.get('pre', {}).items()}
                post = {k.lower(): v for k, v in t['postState'].items()}
                blocks = t.get('blocks', [])
                txs = [tx for b in blocks for tx in (b.get('transactions') or [])]
                if len(txs) != 1 or any('expectException' in b for b in blocks):
                    continue
                tx = txs[0]
                to = (tx.get('to') or '').lower()
                code = bytes.fromhex(pre.get(to, {}).get('code', '0x')[2:])
                if not code:
                    continue
                calldata = bytes.fromhex(tx.get('data', '0x')[2:])
                try:
                    (addr, gas, data, value), stores = run(code, calldata)
                    storage = {int(k, 16): int(v, 16) for k, v in post.get(to, {}).get('storage', {}).items()}
                    cks = checks(stores, storage)
                except Unsupported:
                    skipped += 1
                    continue
                if not cks:
                    continue
                if value:
                    continue  # a value transfer can fail before the precompile runs (balance)
                tx_gas = int(tx['gasLimit'], 16)
                if isinstance(gas, int) and gas + 21000 < tx_gas:
                    g = str(gas)
                elif (gas == GAS or isinstance(gas, int)) and 'S=0' not in cks:
                    # all remaining gas: an upper bound, so only successful calls are conclusive
                    g = 'max:%d' % tx_gas
                else:
                    continue
                key = (t['network'], addr, g, data, tuple(cks))
                if key in seen:
                    continue
                seen.add(key)
                tid = os.path.basename(path)[:-5] + ':' + str(len(lines))
                lines.append('%s %s %x %s %s %s' % (tid, t['network'], addr, g, data.hex() or '-', ' '.join(cks)))
    with open(out_path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('extract_precompile_vectors: %d vectors, %d transactions skipped' % (len(lines), skipped))


if __name__ == '__main__':
    main()
