/**
 * Pure layout of the journal board: turns the server's columns and bookings (naive UTC strings) into
 * positions in minutes of the branch's wall clock. No DOM and no services, so it stays fast (one pass
 * over the bookings) and easy to reason about.
 */

const { DateTime } = luxon;

export const DEFAULT_HOURS = [9, 21];
export const MINUTES_PER_DAY = 24 * 60;
// States whose bookings can still be moved or resized on the board.
export const MOVABLE_STATES = ["draft", "confirmed", "arrived", "in_service"];

/** A naive UTC datetime string of the server as a luxon DateTime in the zone ``tz``. */
export function toLocal(value, tz) {
    return DateTime.fromSQL(value, { zone: "utc" }).setZone(tz);
}

/** Wall-clock minutes of ``moment`` counted from the midnight that starts ``day`` (both in one zone). */
export function wallMinutes(moment, day) {
    const days = Math.round(moment.startOf("day").diff(day.startOf("day"), "days").days);
    return days * MINUTES_PER_DAY + moment.hour * 60 + moment.minute;
}

/** The naive UTC string of the server for ``minutes`` of wall clock on ``day``. */
export function toServer(day, minutes) {
    const local = day.startOf("day").plus({ days: Math.floor(minutes / MINUTES_PER_DAY) }).set({
        hour: Math.floor((minutes % MINUTES_PER_DAY) / 60),
        minute: minutes % 60,
    });
    return local.toUTC().toFormat("yyyy-LL-dd HH:mm:ss");
}

/** Gaps of sorted, disjoint ``intervals`` (minutes) inside ``[from, to)``. */
export function gaps(intervals, from, to) {
    const result = [];
    let cursor = from;
    for (const [start, stop] of intervals) {
        if (stop <= cursor) {
            continue;
        }
        if (start > cursor) {
            result.push([cursor, Math.min(start, to)]);
        }
        cursor = Math.max(cursor, stop);
        if (cursor >= to) {
            break;
        }
    }
    if (cursor < to) {
        result.push([cursor, to]);
    }
    return result.filter(([start, stop]) => stop > start);
}

/**
 * Places overlapping blocks side by side: each block gets ``lane`` and ``lanes`` (of its cluster).
 * ``blocks`` must be sorted by ``start``.
 */
export function assignLanes(blocks) {
    let cluster = [];
    let clusterEnd = -Infinity;
    let laneEnds = [];
    const close = () => {
        for (const block of cluster) {
            block.lanes = laneEnds.length;
        }
    };
    for (const block of blocks) {
        if (block.start >= clusterEnd) {
            close();
            cluster = [];
            laneEnds = [];
        }
        let lane = laneEnds.findIndex((end) => end <= block.start);
        if (lane === -1) {
            lane = laneEnds.length;
            laneEnds.push(block.stop);
        } else {
            laneEnds[lane] = block.stop;
        }
        block.lane = lane;
        cluster.push(block);
        clusterEnd = Math.max(clusterEnd, block.stop);
    }
    close();
    return blocks;
}

/**
 * The board's geometry for ``data`` (``beauty.board.get_board_data``) shown from ``dayFrom`` for
 * ``dayCount`` days: the hour range and, per day and column, the shaded times and the blocks.
 */
export function layoutBoard(data, dayFrom, dayCount) {
    const tz = data.tz;
    const firstDay = DateTime.fromISO(dayFrom, { zone: tz }).startOf("day");
    const days = [...Array(dayCount).keys()].map((offset) => firstDay.plus({ days: offset }));
    const columns = data.columns.map((column) => ({
        ...column,
        work: column.work.map(([a, b]) => [toLocal(a, tz), toLocal(b, tz)]),
        leaves: column.leaves.map(([a, b]) => [toLocal(a, tz), toLocal(b, tz)]),
    }));
    const bookings = data.bookings.map((booking) => ({
        ...booking,
        localStart: toLocal(booking.start, tz),
        localStop: toLocal(booking.stop, tz),
        localProcessing: booking.processing && booking.processing.map((value) => toLocal(value, tz)),
    }));

    // Hours shown: every working interval and booking of the shown days, whole hours.
    let from = Infinity;
    let to = -Infinity;
    const widen = (start, stop) => {
        const day = start.startOf("day");
        from = Math.min(from, wallMinutes(start, day));
        to = Math.max(to, Math.min(wallMinutes(stop, day), MINUTES_PER_DAY));
    };
    for (const column of columns) {
        const always = column.work.length === 1 && column.work[0][1].diff(column.work[0][0], "hours").hours >= 24;
        if (!always) {
            column.work.forEach(([a, b]) => widen(a, b));
        }
    }
    bookings.forEach((booking) => widen(booking.localStart, booking.localStop));
    if (from === Infinity) {
        [from, to] = [DEFAULT_HOURS[0] * 60, DEFAULT_HOURS[1] * 60];
    }
    const minuteFrom = Math.max(0, Math.floor(from / 60) * 60);
    const minuteTo = Math.min(MINUTES_PER_DAY, Math.max(Math.ceil(to / 60) * 60, minuteFrom + 60));

    const byMaster = new Map();
    const byUnit = new Map();
    for (const booking of bookings) {
        if (!byMaster.has(booking.master_id)) {
            byMaster.set(booking.master_id, []);
        }
        byMaster.get(booking.master_id).push(booking);
        for (const unitId of booking.unit_ids) {
            if (!byUnit.has(unitId)) {
                byUnit.set(unitId, []);
            }
            byUnit.get(unitId).push(booking);
        }
    }
    const clip = ([start, stop]) => [Math.max(start, minuteFrom), Math.min(stop, minuteTo)];

    const cells = [];
    for (const day of days) {
        for (const column of columns) {
            const inDay = ([a, b]) => clip([wallMinutes(a, day), wallMinutes(b, day)]);
            const work = column.work.map(inDay).filter(([a, b]) => b > a);
            const shades = [
                ...gaps(work, minuteFrom, minuteTo).map(([start, stop]) => ({ start, stop, kind: "off" })),
                ...column.leaves
                    .map(inDay)
                    .filter(([a, b]) => b > a)
                    .map(([start, stop]) => ({ start, stop, kind: "leave" })),
            ];
            const own = (column.type === "master" ? byMaster : byUnit).get(column.res_id) || [];
            const blocks = [];
            for (const booking of own) {
                const [start, stop] = [wallMinutes(booking.localStart, day), wallMinutes(booking.localStop, day)];
                if (stop <= minuteFrom || start >= minuteTo || stop <= 0 || start >= MINUTES_PER_DAY) {
                    continue;
                }
                const [shownStart, shownStop] = clip([start, stop]);
                const processing =
                    booking.localProcessing &&
                    clip(booking.localProcessing.map((moment) => wallMinutes(moment, day)));
                blocks.push({ booking, start: shownStart, stop: shownStop, realStart: start, processing });
            }
            blocks.sort((a, b) => a.start - b.start || a.booking.id - b.booking.id);
            cells.push({
                key: `${day.toISODate()}|${column.key}`,
                day,
                column,
                shades,
                blocks: assignLanes(blocks),
            });
        }
    }
    return { tz, days, columns, cells, minuteFrom, minuteTo };
}
