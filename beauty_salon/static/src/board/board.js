import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { getColor, hexToRGBA } from "@web/core/colors/colors";
import { Dropdown } from "@web/core/dropdown/dropdown";
import { DropdownItem } from "@web/core/dropdown/dropdown_item";
import { _t } from "@web/core/l10n/translation";
import { RPCError } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { layoutBoard, MOVABLE_STATES, toServer } from "./board_layout";

const { DateTime } = luxon;

const STORAGE_KEY = "beauty_salon.board";
const BUS_NOTIFICATION = "beauty_salon/board_changed";
// Height of one step of the time scale, in pixels (taller on touch screens).
const ROW_PX = 24;
const ROW_PX_TOUCH = 30;
// Pointer travel that turns a press on a booking into a drag (mouse), or cancels a long press (touch).
const DRAG_THRESHOLD_PX = 4;
const TOUCH_SLOP_PX = 10;
const LONG_PRESS_MS = 350;
const RELOAD_DELAY_MS = 300;
const AUTO_SCROLL_EDGE_PX = 40;
// Shown until the user picks states: cancelled bookings and no-shows stay hidden.
const DEFAULT_STATES = ["draft", "confirmed", "arrived", "in_service", "done"];

/**
 * The salon's journal board: one column per master (and optionally per room/device), a day or three,
 * bookings as blocks that can be clicked, dragged to another time or master, and resized. Every change
 * goes through the ORM, so the booking engine decides; a refused change snaps back with its message.
 */
export class BeautyBoard extends Component {
    static template = "beauty_salon.Board";
    static components = { Dropdown, DropdownItem };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.busService = useService("bus_service");
        this.scrollerRef = useRef("scroller");
        this.gridRef = useRef("grid");
        this.isTouch = browser.matchMedia?.("(pointer: coarse)").matches || false;
        const saved = this.loadPreferences();
        const context = this.props.action.context || {};
        this.state = useState({
            // A day given by the caller or in the URL (the board keeps it there), else today.
            day: context.board_date || context.params?.date || DateTime.now().toISODate(),
            mode: saved.mode || "day",
            scale: saved.scale || 15,
            colorBy: saved.colorBy || "state",
            withUnits: saved.withUnits || false,
            companyId: saved.companyId || false,
            masterIds: [],
            states: saved.states || null,
            loading: false,
            data: null,
            layout: null,
        });
        this.pending = null;
        this.drag = null;
        this.suppressClickUntil = 0;
        this.reloadTimer = null;
        this.scrolledOnce = false;

        this.onBusNotification = this.onBusNotification.bind(this);
        this.onPointerMove = this.onPointerMove.bind(this);
        this.onPointerUp = this.onPointerUp.bind(this);
        this.onTouchMove = this.onTouchMove.bind(this);

        onWillStart(() => this.load());
        onMounted(() => {
            this.busService.subscribe(BUS_NOTIFICATION, this.onBusNotification);
            this.busService.start();
            browser.addEventListener("pointermove", this.onPointerMove);
            browser.addEventListener("pointerup", this.onPointerUp);
            browser.addEventListener("pointercancel", this.onPointerUp);
            // Not passive: a started drag must stop the page from scrolling on touch screens.
            browser.addEventListener("touchmove", this.onTouchMove, { passive: false });
            this.scrollToWorkingTime();
        });
        onWillUnmount(() => {
            this.busService.unsubscribe(BUS_NOTIFICATION, this.onBusNotification);
            browser.removeEventListener("pointermove", this.onPointerMove);
            browser.removeEventListener("pointerup", this.onPointerUp);
            browser.removeEventListener("pointercancel", this.onPointerUp);
            browser.removeEventListener("touchmove", this.onTouchMove, { passive: false });
            browser.clearTimeout(this.reloadTimer);
            this.cancelDrag();
        });
    }

    // ------------------------------------------------------------------ data
    get dayCount() {
        return this.state.mode === "3days" ? 3 : 1;
    }

    get shownStates() {
        return this.state.states || DEFAULT_STATES;
    }

    async load() {
        this.state.loading = true;
        const dayTo = DateTime.fromISO(this.state.day).plus({ days: this.dayCount - 1 }).toISODate();
        try {
            const data = await this.orm.call("beauty.board", "get_board_data", [this.state.day], {
                date_to: dayTo,
                company_id: this.state.companyId || false,
                master_ids: this.state.masterIds.length ? this.state.masterIds : false,
                states: this.shownStates,
                with_units: this.state.withUnits,
            });
            this.state.data = data;
            this.state.companyId = data.company.id;
            this.state.layout = layoutBoard(data, this.state.day, this.dayCount);
            this.props.updateActionState?.({ date: this.state.day });
        } finally {
            this.state.loading = false;
        }
    }

    scheduleReload() {
        browser.clearTimeout(this.reloadTimer);
        this.reloadTimer = browser.setTimeout(() => {
            if (this.drag || this.pending) {
                this.scheduleReload();
            } else {
                this.load();
            }
        }, RELOAD_DELAY_MS);
    }

    onBusNotification(payload) {
        const data = this.state.data;
        if (!data) {
            return;
        }
        const touches = (payload.changes || []).some(
            (change) =>
                change.company_id === data.company.id &&
                change.start < data.date_to &&
                change.stop >= data.date_from
        );
        if (touches) {
            this.scheduleReload();
        }
    }

    // ------------------------------------------------------------------ preferences and filters
    loadPreferences() {
        try {
            return JSON.parse(browser.localStorage.getItem(STORAGE_KEY)) || {};
        } catch {
            return {};
        }
    }

    savePreferences() {
        const { mode, scale, colorBy, withUnits, companyId, states } = this.state;
        browser.localStorage.setItem(
            STORAGE_KEY,
            JSON.stringify({ mode, scale, colorBy, withUnits, companyId, states })
        );
    }

    async update(changes) {
        Object.assign(this.state, changes);
        this.savePreferences();
        await this.load();
    }

    goToday() {
        this.update({ day: DateTime.now().setZone(this.state.data?.tz || "local").toISODate() });
    }

    shiftDays(sign) {
        const day = DateTime.fromISO(this.state.day).plus({ days: sign * this.dayCount });
        this.update({ day: day.toISODate() });
    }

    onDateChange(ev) {
        if (ev.target.value) {
            this.update({ day: ev.target.value });
        }
    }

    onCompanyChange(ev) {
        this.update({ companyId: parseInt(ev.target.value), masterIds: [] });
    }

    toggleMaster(masterId) {
        const masterIds = this.state.masterIds.includes(masterId)
            ? this.state.masterIds.filter((id) => id !== masterId)
            : [...this.state.masterIds, masterId];
        this.update({ masterIds });
    }

    toggleState(state) {
        const current = this.shownStates;
        const states = current.includes(state) ? current.filter((key) => key !== state) : [...current, state];
        this.update({ states });
    }

    setScale(scale) {
        Object.assign(this.state, { scale });
        this.savePreferences();
    }

    setColorBy(colorBy) {
        Object.assign(this.state, { colorBy });
        this.savePreferences();
    }

    // ------------------------------------------------------------------ geometry
    get rowPx() {
        return this.isTouch ? ROW_PX_TOUCH : ROW_PX;
    }

    get pxPerMinute() {
        return this.rowPx / this.state.scale;
    }

    get bodyHeight() {
        const { minuteFrom, minuteTo } = this.state.layout;
        return (minuteTo - minuteFrom) * this.pxPerMinute;
    }

    get hourMarks() {
        const { minuteFrom, minuteTo } = this.state.layout;
        const marks = [];
        for (let minute = minuteFrom; minute < minuteTo; minute += 60) {
            marks.push({
                minute,
                top: (minute - minuteFrom) * this.pxPerMinute,
                label: `${String(Math.floor(minute / 60)).padStart(2, "0")}:00`,
            });
        }
        return marks;
    }

    get gridStyle() {
        const count = this.state.layout.cells.length;
        return `grid-template-columns: 3.5rem repeat(${count}, minmax(var(--o-beauty-board-column), 1fr));`;
    }

    get columnStyle() {
        const hour = 60 * this.pxPerMinute;
        return [
            `height: ${this.bodyHeight}px`,
            `background-size: 100% ${this.rowPx}px, 100% ${hour}px`,
        ].join(";");
    }

    get dayLabel() {
        const { days } = this.state.layout;
        const format = { weekday: "short", day: "numeric", month: "long", year: "numeric" };
        const first = days[0].toLocaleString(format);
        const label = days.length > 1 ? `${first} — ${days.at(-1).toLocaleString(format)}` : first;
        return label.charAt(0).toUpperCase() + label.slice(1);
    }

    get nowTop() {
        const { layout, data } = this.state;
        const now = DateTime.fromSQL(data.now, { zone: "utc" }).setZone(layout.tz);
        const minute = now.hour * 60 + now.minute;
        const dayIndex = layout.days.findIndex((day) => day.hasSame(now, "day"));
        if (dayIndex === -1 || minute < layout.minuteFrom || minute >= layout.minuteTo) {
            return null;
        }
        return { day: layout.days[dayIndex].toISODate(), top: (minute - layout.minuteFrom) * this.pxPerMinute };
    }

    shadeStyle(shade) {
        return `top: ${(shade.start - this.state.layout.minuteFrom) * this.pxPerMinute}px; height: ${
            (shade.stop - shade.start) * this.pxPerMinute
        }px;`;
    }

    blockStyle(block) {
        const { minuteFrom } = this.state.layout;
        const top = (block.start - minuteFrom) * this.pxPerMinute;
        const height = Math.max((block.stop - block.start) * this.pxPerMinute - 2, 14);
        const width = 100 / block.lanes;
        const parts = [
            `top: ${top}px`,
            `height: ${height}px`,
            `left: calc(${block.lane * width}% + 2px)`,
            `width: calc(${width}% - 4px)`,
        ];
        if (this.state.colorBy === "category" && block.booking.category_id) {
            const color = getColor(block.booking.category_id, "light", "md");
            parts.push(`background-color: ${hexToRGBA(color, 0.28)}`, `border-left-color: ${color}`);
        }
        return parts.join(";");
    }

    processingStyle(block) {
        const [start, stop] = block.processing;
        return `top: ${(start - block.start) * this.pxPerMinute}px; height: ${Math.max(
            (stop - start) * this.pxPerMinute,
            0
        )}px;`;
    }

    blockClass(block) {
        const booking = block.booking;
        return {
            [`o_beauty_board_state_${booking.state}`]: this.state.colorBy === "state",
            o_beauty_board_by_category: this.state.colorBy === "category",
            o_beauty_board_movable: this.canMove(booking),
            o_beauty_board_short: block.stop - block.start < 45,
        };
    }

    timeRange(booking) {
        return `${booking.localStart.toFormat("HH:mm")}–${booking.localStop.toFormat("HH:mm")}`;
    }

    tooltip(booking) {
        const lines = [
            `${this.timeRange(booking)} · ${booking.visit_name}`,
            booking.partner_name,
            booking.service_name,
            booking.master_name,
            this.stateLabel(booking.state),
        ];
        if (booking.allergy) {
            lines.push(_t("Allergies: %s", booking.allergy));
        }
        if (booking.note) {
            lines.push(booking.note);
        }
        return lines.filter(Boolean).join("\n");
    }

    stateLabel(state) {
        const found = (this.state.data?.states || []).find(([key]) => key === state);
        return found ? found[1] : state;
    }

    get legend() {
        const { data, colorBy } = this.state;
        if (colorBy === "state") {
            return data.states
                .filter(([key]) => this.shownStates.includes(key))
                .map(([key, label]) => ({ key, label, className: `o_beauty_board_state_${key}`, style: "" }));
        }
        const seen = new Map();
        for (const booking of data.bookings) {
            if (booking.category_id && !seen.has(booking.category_id)) {
                const color = getColor(booking.category_id, "light", "md");
                seen.set(booking.category_id, {
                    key: booking.category_id,
                    label: booking.category_name,
                    className: "",
                    style: `background-color: ${hexToRGBA(color, 0.28)}; border-left-color: ${color}`,
                });
            }
        }
        return [...seen.values()];
    }

    canMove(booking) {
        return this.state.data.can_move && MOVABLE_STATES.includes(booking.state);
    }

    /** Wall-clock minute of a pointer at ``clientY`` over a column whose top is at ``columnTop``. */
    minuteAt(clientY, columnTop, snap = Math.floor) {
        const { minuteFrom, minuteTo } = this.state.layout;
        const raw = minuteFrom + (clientY - columnTop) / this.pxPerMinute;
        const step = this.state.scale;
        return Math.min(Math.max(snap(raw / step) * step, minuteFrom), minuteTo - step);
    }

    // ------------------------------------------------------------------ opening the booking form
    onCellClick(ev, cell) {
        if (Date.now() < this.suppressClickUntil || ev.target.closest(".o_beauty_board_booking")) {
            return;
        }
        if (!this.state.data.can_book) {
            return;
        }
        const minute = this.minuteAt(ev.clientY, ev.currentTarget.getBoundingClientRect().top);
        const context = { default_date_start: toServer(cell.day, minute) };
        if (cell.column.type === "master") {
            context.default_master_id = cell.column.res_id;
        } else {
            context.default_resource_ids = [cell.column.res_id];
        }
        this.openBooking(false, context);
    }

    onBookingClick(ev, booking) {
        if (Date.now() < this.suppressClickUntil) {
            return;
        }
        this.openBooking(booking.id, {});
    }

    openBooking(resId, context) {
        this.action.doAction(
            {
                type: "ir.actions.act_window",
                name: resId ? _t("Booking") : _t("New Booking"),
                res_model: "beauty.visit.line",
                res_id: resId || undefined,
                views: [[false, "form"]],
                target: "new",
                context: { ...context, form_view_ref: "beauty_salon.beauty_visit_line_view_form" },
            },
            { onClose: () => this.load() }
        );
    }

    // ------------------------------------------------------------------ drag and drop
    onBookingPointerDown(ev, block, cell) {
        if (ev.button !== 0 || !this.canMove(block.booking)) {
            return;
        }
        const element = ev.currentTarget;
        const rect = element.getBoundingClientRect();
        this.pending = {
            block,
            cell,
            element,
            pointerType: ev.pointerType,
            resize: ev.target.classList.contains("o_beauty_board_resize"),
            startX: ev.clientX,
            startY: ev.clientY,
            grabOffsetY: ev.clientY - rect.top,
            timer: null,
        };
        if (ev.pointerType === "touch") {
            this.pending.timer = browser.setTimeout(() => this.startDrag(), LONG_PRESS_MS);
        }
    }

    onPointerMove(ev) {
        if (!this.pending) {
            return;
        }
        if (!this.drag) {
            const distance = Math.hypot(ev.clientX - this.pending.startX, ev.clientY - this.pending.startY);
            if (this.pending.pointerType === "touch") {
                if (distance > TOUCH_SLOP_PX) {
                    this.cancelDrag(); // the finger scrolls the board
                }
                return;
            }
            if (distance < DRAG_THRESHOLD_PX) {
                return;
            }
            this.startDrag();
        }
        this.moveDrag(ev.clientX, ev.clientY);
    }

    onTouchMove(ev) {
        if (this.drag) {
            ev.preventDefault();
        }
    }

    startDrag() {
        const pending = this.pending;
        if (!pending || this.drag) {
            return;
        }
        const grid = this.gridRef.el;
        const columns = [...grid.querySelectorAll(".o_beauty_board_column")].map((element) => ({
            element,
            cell: this.state.layout.cells.find((cell) => cell.key === element.dataset.key),
        }));
        const ghost = pending.element.cloneNode(true);
        ghost.classList.add("o_beauty_board_ghost");
        ghost.style.position = "fixed";
        ghost.style.pointerEvents = "none";
        document.body.appendChild(ghost);
        pending.element.classList.add("o_beauty_board_dragging");
        this.drag = { ...pending, columns, ghost, target: null };
    }

    moveDrag(clientX, clientY) {
        const drag = this.drag;
        this.autoScroll(clientX, clientY);
        const block = drag.block;
        let target;
        if (drag.resize) {
            const rect = drag.element.closest(".o_beauty_board_column").getBoundingClientRect();
            const stop = this.minuteAt(clientY, rect.top, Math.round) + this.state.scale;
            target = {
                cell: drag.cell,
                rect,
                start: block.realStart,
                stop: Math.max(stop, block.realStart + this.state.scale),
            };
        } else {
            const over = drag.columns.find(({ element }) => {
                const rect = element.getBoundingClientRect();
                return clientX >= rect.left && clientX < rect.right;
            });
            if (!over || over.cell.column.type !== drag.cell.column.type) {
                drag.target = null;
                drag.ghost.classList.add("o_beauty_board_refused");
                return;
            }
            const rect = over.element.getBoundingClientRect();
            const start = this.minuteAt(clientY - drag.grabOffsetY, rect.top, Math.round);
            target = { cell: over.cell, rect, start, stop: start + (block.stop - block.realStart) };
        }
        drag.ghost.classList.remove("o_beauty_board_refused");
        drag.target = target;
        const { minuteFrom } = this.state.layout;
        Object.assign(drag.ghost.style, {
            left: `${target.rect.left + 2}px`,
            width: `${target.rect.width - 4}px`,
            top: `${target.rect.top + (Math.max(target.start, minuteFrom) - minuteFrom) * this.pxPerMinute}px`,
            height: `${Math.max((target.stop - Math.max(target.start, minuteFrom)) * this.pxPerMinute - 2, 14)}px`,
        });
        const time = drag.ghost.querySelector(".o_beauty_board_time");
        if (time) {
            const day = target.cell.day.startOf("day");
            const format = (minute) => day.plus({ minutes: minute }).toFormat("HH:mm");
            time.textContent = `${format(target.start)}–${format(target.stop)}`;
        }
    }

    autoScroll(clientX, clientY) {
        const scroller = this.scrollerRef.el;
        const rect = scroller.getBoundingClientRect();
        if (clientY < rect.top + AUTO_SCROLL_EDGE_PX) {
            scroller.scrollTop -= 12;
        } else if (clientY > rect.bottom - AUTO_SCROLL_EDGE_PX) {
            scroller.scrollTop += 12;
        }
        if (clientX < rect.left + AUTO_SCROLL_EDGE_PX) {
            scroller.scrollLeft -= 12;
        } else if (clientX > rect.right - AUTO_SCROLL_EDGE_PX) {
            scroller.scrollLeft += 12;
        }
    }

    async onPointerUp() {
        const drag = this.drag;
        if (!drag) {
            this.cancelDrag();
            return;
        }
        this.suppressClickUntil = Date.now() + 400;
        const vals = drag.target && this.dropValues(drag);
        if (!vals) {
            this.cancelDrag();
            return;
        }
        try {
            await this.orm.write("beauty.visit.line", [drag.block.booking.id], vals);
        } catch (error) {
            if (!(error instanceof RPCError)) {
                this.cancelDrag();
                throw error;
            }
            this.notification.add(error.data?.message || error.message, {
                title: _t("The booking was not changed"),
                type: "danger",
            });
        }
        try {
            await this.load();
        } finally {
            this.cancelDrag();
        }
    }

    /** What to write for the drop of ``drag``, or null when nothing changes. */
    dropValues(drag) {
        const { block, cell, target } = drag;
        const booking = block.booking;
        if (drag.resize) {
            const minutes = target.stop - block.realStart;
            return minutes !== block.stop - block.realStart ? { duration: minutes / 60 } : null;
        }
        const vals = {};
        const start = toServer(target.cell.day, target.start);
        if (start !== booking.start) {
            vals.date_start = start;
        }
        if (target.cell.column.res_id !== cell.column.res_id) {
            if (cell.column.type === "master") {
                vals.master_id = target.cell.column.res_id;
            } else {
                vals.resource_ids = [
                    [3, cell.column.res_id],
                    [4, target.cell.column.res_id],
                ];
            }
        }
        return Object.keys(vals).length ? vals : null;
    }

    cancelDrag() {
        const state = this.drag || this.pending;
        if (state) {
            browser.clearTimeout(state.timer);
            state.element?.classList.remove("o_beauty_board_dragging");
            state.ghost?.remove();
        }
        this.drag = null;
        this.pending = null;
    }

    // ------------------------------------------------------------------ scrolling
    scrollToWorkingTime() {
        const scroller = this.scrollerRef.el;
        const layout = this.state.layout;
        if (!scroller || !layout || this.scrolledOnce) {
            return;
        }
        this.scrolledOnce = true;
        const now = this.nowTop;
        if (now) {
            scroller.scrollTop = Math.max(now.top - scroller.clientHeight / 3, 0);
        }
    }
}

registry.category("actions").add("beauty_salon.board", BeautyBoard);
