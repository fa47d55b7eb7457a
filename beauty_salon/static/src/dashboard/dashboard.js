import { Component, onWillStart, useState } from "@odoo/owl";
import { Dropdown } from "@web/core/dropdown/dropdown";
import { DropdownItem } from "@web/core/dropdown/dropdown_item";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat, formatInteger, formatMonetary } from "@web/views/fields/formatters";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

const { DateTime } = luxon;

/**
 * The owner's dashboard: KPI tiles for the period against the previous one, occupancy, top services,
 * RFM segments and ABC classes. Every figure comes from ``beauty.dashboard.get_dashboard_data`` in one
 * call; a click opens the report behind it (pivot, graph or list) filtered the same way.
 */
export class BeautyDashboard extends Component {
    static template = "beauty_salon.Dashboard";
    static components = { Dropdown, DropdownItem };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.notification = useService("notification");
        this.state = useState({
            period: "month",
            dateRef: DateTime.now().toISODate(),
            companyIds: [],
            data: null,
            loading: false,
        });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.loading = true;
        try {
            this.state.data = await this.orm.call("beauty.dashboard", "get_dashboard_data", [], this.args);
        } finally {
            this.state.loading = false;
        }
    }

    get args() {
        return {
            period: this.state.period,
            date_ref: this.state.dateRef,
            company_ids: this.state.companyIds.length ? this.state.companyIds : false,
        };
    }

    // ------------------------------------------------------------------ navigation
    setPeriod(period) {
        this.state.period = period;
        this.load();
    }

    shift(sign) {
        const unit = { day: "days", week: "weeks", month: "months" }[this.state.period];
        this.state.dateRef = DateTime.fromISO(this.state.dateRef)
            .plus({ [unit]: sign })
            .toISODate();
        this.load();
    }

    goToday() {
        this.state.dateRef = DateTime.now().toISODate();
        this.load();
    }

    toggleCompany(companyId) {
        const ids = this.state.companyIds.length ? this.state.companyIds : [...this.state.data.company_ids];
        this.state.companyIds = ids.includes(companyId)
            ? ids.filter((id) => id !== companyId)
            : [...ids, companyId];
        this.load();
    }

    async open(figure, value = false) {
        const action = await this.orm.call("beauty.dashboard", "action_open", [figure], {
            ...this.args,
            value,
        });
        this.action.doAction(action);
    }

    async recomputeRfm() {
        const count = await this.orm.call("beauty.client.analysis", "action_recompute", []);
        this.notification.add(_t("Client analysis recomputed: %s clients.", count), { type: "success" });
        await this.load();
    }

    // ------------------------------------------------------------------ formatting
    get periodLabel() {
        const data = this.state.data;
        const start = DateTime.fromISO(data.start);
        if (data.period === "month") {
            return start.toFormat("LLLL yyyy");
        }
        if (data.period === "week") {
            const stop = DateTime.fromISO(data.stop);
            return `${start.toFormat("d MMM")} — ${stop.toFormat("d MMM yyyy")}`;
        }
        return start.toLocaleString(DateTime.DATE_HUGE);
    }

    formatDay(value) {
        return DateTime.fromISO(value).toLocaleString(DateTime.DATE_SHORT);
    }

    money(value) {
        return formatMonetary(value, { currencyId: this.state.data.currency_id, digits: [16, 0] });
    }

    hours(value) {
        return formatFloat(value, { digits: [16, 1] });
    }

    count(value) {
        return formatInteger(value);
    }

    percent(value) {
        return `${formatFloat(value, { digits: [16, 1] })} %`;
    }

    /** Services and retail of a revenue figure. */
    split(revenue) {
        return _t("Services %(services)s · Retail %(retail)s", {
            services: this.money(revenue.service),
            retail: this.money(revenue.retail),
        });
    }

    /** ``text`` followed by the date of the client analysis it comes from. */
    asOf(text) {
        const asOf = this.state.data.clients.as_of;
        if (!asOf) {
            return _t("%s (no client analysis yet: recompute it)", text);
        }
        return _t("%(text)s (as of %(date)s)", { text, date: this.formatDay(asOf) });
    }

    /** Change against the previous period: text and whether it is good news. */
    trend(pair, higherIsBetter = true, isRate = false) {
        const { current, previous } = pair;
        if (current === previous) {
            return { text: "=", className: "text-muted" };
        }
        const up = current > previous;
        let text;
        if (isRate) {
            const points = formatFloat(Math.abs(current - previous), { digits: [16, 1] });
            text = _t("%(sign)s%(points)s pt", { sign: up ? "+" : "−", points });
        } else if (previous) {
            text = `${up ? "+" : "−"}${formatFloat(Math.abs((current - previous) / previous) * 100, {
                digits: [16, 0],
            })} %`;
        } else {
            text = _t("new");
        }
        const good = up === higherIsBetter;
        return { text, className: good ? "text-success" : "text-danger", icon: up ? "fa-caret-up" : "fa-caret-down" };
    }

    get tiles() {
        const { revenue, visits, clients, occupancy } = this.state.data;
        const money = (value) => this.money(value);
        const count = (value) => this.count(value);
        const percent = (value) => this.percent(value);
        return [
            {
                key: "today",
                figure: "revenue",
                title: _t("Revenue today"),
                value: money(revenue.today.total),
                detail: this.split(revenue.today),
            },
            {
                key: "revenue",
                figure: "revenue",
                title: _t("Revenue in the period"),
                value: money(revenue.period.current.total),
                detail: this.split(revenue.period.current),
                previous: money(revenue.period.previous.total),
                trend: this.trend({
                    current: revenue.period.current.total,
                    previous: revenue.period.previous.total,
                }),
            },
            {
                key: "visits",
                figure: "bookings",
                title: _t("Visits"),
                value: count(visits.done.current),
                detail: _t("Booked: %s", count(visits.booked.current)),
                previous: count(visits.done.previous),
                trend: this.trend(visits.done),
            },
            {
                key: "average_check",
                figure: "revenue",
                title: _t("Average check"),
                value: money(revenue.average_check.current),
                previous: money(revenue.average_check.previous),
                trend: this.trend(revenue.average_check),
            },
            {
                key: "occupancy",
                figure: "occupancy",
                title: _t("Occupancy"),
                value: percent(occupancy.rate.current),
                detail: _t("Booked master time / working time"),
                previous: percent(occupancy.rate.previous),
                trend: this.trend(occupancy.rate, true, true),
            },
            {
                key: "no_show",
                figure: "no_show",
                title: _t("No-shows"),
                value: percent(visits.no_show_rate.current),
                detail: `${count(visits.no_show.current)} / ${count(visits.due.current)}`,
                previous: percent(visits.no_show_rate.previous),
                trend: this.trend(visits.no_show_rate, false, true),
            },
            {
                key: "late_cancel",
                figure: "late_cancel",
                title: _t("Late cancellations"),
                value: percent(visits.late_cancel_rate.current),
                detail: `${count(visits.late_cancel.current)} / ${count(visits.due.current)}`,
                previous: percent(visits.late_cancel_rate.previous),
                trend: this.trend(visits.late_cancel_rate, false, true),
            },
            {
                key: "new",
                figure: "new",
                title: _t("New clients"),
                value: count(clients.new.current),
                previous: count(clients.new.previous),
                trend: this.trend(clients.new),
            },
            {
                key: "returning",
                figure: "bookings",
                title: _t("Returning clients"),
                value: count(clients.returning.current),
                previous: count(clients.returning.previous),
                trend: this.trend(clients.returning),
            },
            {
                key: "lost",
                figure: "lost",
                title: _t("Lost clients"),
                value: count(clients.lost.current),
                detail: this.asOf(_t("Last visit %(days)s days before", { days: clients.lost_days })),
                previous: count(clients.lost.previous),
                trend: this.trend(clients.lost, false),
            },
            {
                key: "sleeping",
                figure: "sleeping",
                title: _t("Sleeping clients"),
                value: count(clients.sleeping),
                detail: this.asOf(
                    _t("No visit for %(from)s–%(to)s days: open the list to win them back", {
                        from: clients.sleeping_days,
                        to: clients.lost_days,
                    })
                ),
            },
        ];
    }
}

registry.category("actions").add("beauty_salon.dashboard", BeautyDashboard);
