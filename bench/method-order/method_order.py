#!/usr/bin/env python3
"""Helpers of bench/method-order/profile.sh (see there). Subcommands:

  flags EXE DBG OUT        for each managed method of a reachability-instrumented chargerd, the table byte its entry
                           sets: "<offset into the table, hex> <symbol>" lines. The instrumentation stores 1 into one
                           byte per method (`movb $0x1, ...(%rip)`); the first such store in a method is its own.
  snapshot PID EXE DBG OUT copies the instrumented process's table (what ran so far) to OUT, then clears every method
                           byte, so the table written at exit holds only what ran afterwards.
  order FLAGS STEADY STARTUP OUT
                           writes the first-pass order file: methods that ran in any STEADY table (comma-separated
                           files) first, then those that ran only in a STARTUP table, each group in the instrumented
                           build's address order (which keeps callers near callees as the compiler laid them out).
  touched PID EXE OUT      appends the code pages of EXE resident in process PID ("<address, hex>" lines, link-time
                           addresses). Run after the start-up trim evicted the executable: only pages that ran since.
  refine EXE DBG FLAGS ORDER TOUCHED OUT
                           second pass, on a build that used ORDER: code the instrumentation cannot see (shared generic
                           code over __Canon, unboxing and other stubs: no table byte) is found from the pages that
                           were touched outside the ordered methods; the uninstrumented methods on those pages (or all
                           methods of such a page, when none is uninstrumented) are placed first, before the order.
"""
import bisect
import re
import subprocess
import sys


def section(exe, name):
    for line in subprocess.run(['readelf', '-S', '-W', exe], capture_output=True, text=True, check=True).stdout.splitlines():
        if f' {name} ' in line:
            fields = line.split(']')[1].split()
            start = int(fields[2], 16)
            return start, start + int(fields[4], 16)
    sys.exit(f'{exe}: no {name} section')


def symbols(dbg, lo, hi):
    out = []
    for line in subprocess.run(['nm', '-n', dbg], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[1] in 'tT' and lo <= int(parts[0], 16) < hi:
            out.append((int(parts[0], 16), parts[2]))
    return out


def table_start(dbg):
    for line in subprocess.run(['nm', dbg], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == '__tokenuse_begin':
            return int(parts[0], 16)
    sys.exit(f'{dbg}: no __tokenuse_begin (not built with -p:_InstrumentReachability=true?)')


def flags(exe, dbg, out):
    lo, hi = section(exe, '__managedcode')
    funcs = symbols(dbg, lo, hi)
    starts = [a for a, _ in funcs]
    begin = table_start(dbg)
    store = re.compile(r'^\s*([0-9a-f]+):\s+movb\s+\$0x1,0x[0-9a-f]+\(%rip\)\s+#\s+([0-9a-f]+)')
    first = {}
    dump = subprocess.Popen(['objdump', '-d', '--no-show-raw-insn', f'--start-address={lo:#x}', f'--stop-address={hi:#x}', exe],
                            stdout=subprocess.PIPE, text=True)
    for line in dump.stdout:
        m = store.match(line)
        if m:
            i = bisect.bisect_right(starts, int(m.group(1), 16)) - 1
            if i >= 0 and i not in first:
                first[i] = int(m.group(2), 16) - begin
    dump.wait()
    with open(out, 'w') as f:
        for i, offset in sorted(first.items()):
            f.write(f'{offset:x} {funcs[i][1]}\n')
    print(f'{len(first)} of {len(funcs)} methods instrumented', file=sys.stderr)


def snapshot(pid, exe, dbg, flags_file, out):
    begin = table_start(dbg)
    offsets = sorted({int(line.split()[0], 16) for line in open(flags_file)})
    bias = None
    for line in open(f'/proc/{pid}/maps'):
        parts = line.split()
        if len(parts) >= 6 and parts[5] == exe and int(parts[2], 16) == 0:
            bias = int(parts[0].split('-')[0], 16)
            break
    if bias is None:
        sys.exit(f'{exe} is not mapped in process {pid}')
    size = offsets[-1] + 1
    with open(f'/proc/{pid}/mem', 'r+b', buffering=0) as mem:
        mem.seek(bias + begin)
        table = mem.read(size)
        for offset in offsets:
            mem.seek(bias + begin + offset)
            mem.write(b'\0')
    with open(out, 'wb') as f:
        f.write(table)
    print(f'{sum(1 for o in offsets if table[o])} methods ran during start-up', file=sys.stderr)


def order(flags_file, steady_files, startup_files, out):
    def union(files):
        tables = [open(p, 'rb').read() for p in files.split(',') if p]
        return lambda o: any(o < len(t) and t[o] for t in tables)
    steady, startup = union(steady_files), union(startup_files)
    hot, warm = [], []
    for line in open(flags_file):
        offset, name = line.split()
        offset = int(offset, 16)
        if steady(offset):
            hot.append(name)
        elif startup(offset):
            warm.append(name)
    with open(out, 'w') as f:
        f.write('\n'.join(hot + warm) + '\n')
    print(f'{len(hot)} methods while charging, then {len(warm)} start-up only', file=sys.stderr)


def touched(pid, exe, out):
    import struct
    bias, ranges = None, []
    for line in open(f'/proc/{pid}/maps'):
        parts = line.split()
        if len(parts) >= 6 and parts[5] == exe:
            start, end = (int(x, 16) for x in parts[0].split('-'))
            if int(parts[2], 16) == 0 and bias is None:
                bias = start
            if parts[1] == 'r-xp':
                ranges.append((start, end))
    with open(f'/proc/{pid}/pagemap', 'rb') as pagemap, open(out, 'a') as f:
        for start, end in ranges:
            pagemap.seek(start // 4096 * 8)
            data = pagemap.read((end - start) // 4096 * 8)
            for i in range(0, len(data), 8):
                if struct.unpack('<Q', data[i:i + 8])[0] >> 63:
                    f.write(f'{start + i // 8 * 4096 - bias:x}\n')


def refine(exe, dbg, flags_file, order_file, touched_file, out):
    lo, hi = section(exe, '__managedcode')
    funcs = symbols(dbg, lo, hi)
    starts = [a for a, _ in funcs]
    instrumented = {line.split()[1] for line in open(flags_file)}
    listed = [line.strip() for line in open(order_file) if line.strip()]
    listed_set = set(listed)
    picked, seen = [], set()
    for page in sorted({int(line, 16) // 4096 for line in open(touched_file)}):
        a = page * 4096
        if not lo <= a < hi:
            continue
        names = [funcs[k][1] for k in range(max(bisect.bisect_right(starts, a) - 1, 0), bisect.bisect_left(starts, a + 4096))]
        if any(n in listed_set for n in names):
            continue
        hidden = [n for n in names if n not in instrumented]
        for n in hidden or names:
            if n not in seen:
                seen.add(n)
                picked.append(n)
    with open(out, 'w') as f:
        f.write('\n'.join(picked + listed) + '\n')
    print(f'{len(picked)} methods found on touched pages outside the order, placed first', file=sys.stderr)


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    {'flags': flags, 'snapshot': snapshot, 'order': order, 'touched': touched, 'refine': refine}[cmd](*args)
