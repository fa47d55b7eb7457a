# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import create_index

from .beauty_availability import BLOCKING_STATES, merge_intervals
from .res_partner import mask_contact

# Allowed state changes: target state -> states it may come from.
TRANSITIONS = {
    "confirmed": ("draft",),
    "arrived": ("draft", "confirmed"),
    "in_service": ("arrived",),
    "done": ("arrived", "in_service"),
    "cancelled": ("draft", "confirmed", "arrived"),
    "no_show": ("draft", "confirmed"),
    "draft": ("cancelled", "no_show"),
}
# Visit states the client figures count (see res.partner._salon_refresh_stats).
COUNTED_STATES = ("done", "no_show", "cancelled")
# From this many visits done a client's request reaches the "regular client" stage.
REGULAR_CLIENT_VISITS = 3
# Fields a done visit still accepts outside a correction: the checkout link and Odoo's own bookkeeping.
DONE_WRITABLE = {
    "sale_order_id",
    "state",
    "photo_ids",
    "lead_id",
    "access_token",
    "message_main_attachment_id",
}


class BeautyVisit(models.Model):
    """A visit: one client, one trip to the salon, one or more booked services, one checkout."""

    _name = "beauty.visit"
    _description = "Salon Visit"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, index=True, tracking=True, check_company=True
    )
    partner_phone = fields.Char(related="partner_id.phone", groups="beauty_salon.beauty_salon_group_user")
    partner_allergies = fields.Text(related="partner_id.salon_allergies", string="Allergies")
    partner_email = fields.Char(related="partner_id.email", groups="beauty_salon.beauty_salon_group_user")
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Booked"),
            ("confirmed", "Confirmed"),
            ("arrived", "Arrived"),
            ("in_service", "In Service"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
            ("no_show", "No-show"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("beauty.visit.line", "visit_id", string="Services", copy=True)
    date_start = fields.Datetime(compute="_compute_dates", store=True, index=True, string="Start")
    date_stop = fields.Datetime(compute="_compute_dates", store=True, string="End")
    master_ids = fields.Many2many("hr.employee", compute="_compute_master_ids", string="Masters")
    source = fields.Selection(
        [
            ("phone", "Phone"),
            ("walk_in", "Walk-in"),
            ("online", "Online"),
            ("repeat", "Repeat Booking"),
            ("other", "Other"),
        ],
        default="phone",
        required=True,
        tracking=True,
    )
    note = fields.Text(string="Notes")
    pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_pricelist_id",
        store=True,
        readonly=False,
        check_company=True,
        help="Prices of the services; the checkout order uses it too.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary(compute="_compute_amount_total", string="Total")
    cancel_reason = fields.Char(tracking=True, copy=False)
    cancel_user_id = fields.Many2one("res.users", string="Cancelled By", readonly=True, copy=False)
    cancel_date = fields.Datetime(string="Cancelled On", readonly=True, copy=False)
    late_cancel = fields.Boolean(
        string="Late Cancellation",
        readonly=True,
        copy=False,
        help="Cancelled within the branch's late-cancellation window before the start.",
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "beauty_visit_photo_rel",
        "visit_id",
        "attachment_id",
        help="Before/after photos of the work done in this visit.",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        index="btree_not_null",
        copy=False,
        help="The request this visit came from.",
    )
    overbooked = fields.Boolean(
        string="Double Booking",
        copy=False,
        tracking=True,
        help="Booked on purpose over other bookings by a manager, where the branch allows it.",
    )
    overbook_reason = fields.Char(string="Double Booking Reason", copy=False, tracking=True)
    sale_order_id = fields.Many2one(
        "sale.order", string="Order", copy=False, readonly=True, index="btree_not_null"
    )
    invoice_ids = fields.Many2many(related="sale_order_id.invoice_ids", string="Invoices")
    invoice_count = fields.Integer(compute="_compute_invoice_count")

    def init(self):
        # "Has this client something booked?" - asked for every overdue client by the win-back messages.
        create_index(
            self.env.cr,
            "beauty_visit_partner_upcoming_index",
            self._table,
            ["partner_id", "date_start"],
            where="state IN ('draft', 'confirmed')",
        )

    # ------------------------------------------------------------------ computes
    def _compute_access_url(self):
        for visit in self:
            visit.access_url = f"/salon/visit/{visit.id}"

    @api.depends("line_ids.date_start", "line_ids.date_stop")
    def _compute_dates(self):
        for visit in self:
            starts = [d for d in visit.line_ids.mapped("date_start") if d]
            stops = [d for d in visit.line_ids.mapped("date_stop") if d]
            visit.date_start = min(starts) if starts else False
            visit.date_stop = max(stops) if stops else False

    @api.depends("line_ids.master_id")
    def _compute_master_ids(self):
        for visit in self:
            visit.master_ids = visit.line_ids.master_id

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for visit in self:
            visit.pricelist_id = visit.partner_id.with_company(visit.company_id).property_product_pricelist

    @api.depends("line_ids.price_unit")
    def _compute_amount_total(self):
        for visit in self:
            visit.amount_total = sum(visit.line_ids.mapped("price_unit"))

    @api.depends("sale_order_id.invoice_ids")
    def _compute_invoice_count(self):
        for visit in self:
            visit.invoice_count = len(visit.sale_order_id.invoice_ids)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("beauty.visit") or "/"
            if vals.get("overbooked"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                self._check_overbooking_allowed(company, vals.get("overbook_reason"))
        # Busy time is written when the lines are created (beauty.visit.line.create).
        visits = super().create(vals_list)
        visits.filtered("overbooked")._log_overbooking()
        visits.partner_id.filtered(lambda p: not p.is_salon_client).is_salon_client = True
        visits.lead_id._salon_move_to("beauty_salon.crm_stage_salon_booked")
        upcoming = visits.filtered(lambda v: v.state in ("draft", "confirmed") and v.line_ids)
        if upcoming and not self.env.context.get("salon_no_messages"):
            self.env["beauty.message.rule"]._send_for_visits("confirmation", upcoming)
        return visits

    def write(self, vals):
        if set(vals) - DONE_WRITABLE:
            self._check_editable()
        if vals.get("overbooked"):
            reason = vals.get("overbook_reason") or self[:1].overbook_reason
            self._check_overbooking_allowed(self.mapped("company_id"), reason)
        blocked_before = {visit.id: visit.state in BLOCKING_STATES for visit in self}
        counted_before = self.filtered(lambda v: v.state in COUNTED_STATES)
        self.env["beauty.board"]._notify_bookings_changed(self.line_ids)
        result = super().write(vals)
        if {"overbooked", "company_id"} & set(vals):
            self._sync_busy_slots()
        elif "state" in vals:
            # Only a visit that starts or stops blocking time changes its busy intervals.
            self.filtered(lambda v: blocked_before[v.id] != (v.state in BLOCKING_STATES))._sync_busy_slots()
        if "state" in vals and (vals["state"] in COUNTED_STATES or counted_before):
            # Only done, no-show and cancelled visits change a client's figures.
            (
                counted_before | self.filtered(lambda v: v.state in COUNTED_STATES)
            ).partner_id._salon_refresh_stats()
        if vals.get("overbooked"):
            self._log_overbooking()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_served(self):
        served = self.filtered(lambda v: v.state in ("arrived", "in_service", "done") or v.sale_order_id)
        if served:
            raise UserError(
                self.env._("Visit %(visit)s has been served and cannot be deleted.", visit=served[0].name)
            )

    def unlink(self):
        self.env["beauty.board"]._notify_bookings_changed(self.line_ids)
        return super().unlink()

    def _read_format(self, fnames, load="_classic_read"):
        """The client's phone and e-mail come out masked where the card masks them (see res.partner)."""
        result = super()._read_format(fnames, load=load)
        masked = [fname for fname in ("partner_phone", "partner_email") if fname in fnames]
        if masked and self.env["res.partner"]._salon_contacts_hidden():
            for vals in result:
                vals.update((fname, mask_contact(vals[fname])) for fname in masked)
        return result

    def _check_editable(self):
        """Done visits change only through a manager's logged correction (``action_reopen``)."""
        if self.env.context.get("salon_correction"):
            return
        done = self.filtered(lambda v: v.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "Visit %(visit)s is done: a manager can reopen it to correct it.", visit=done[0].name
                )
            )

    # ------------------------------------------------------------------ busy time
    def _sync_busy_slots(self):
        """Rewrite the busy intervals of these visits from their lines (PostgreSQL checks overlaps)."""
        # sudo: busy intervals are derived data; access is checked on the visit being changed.
        Slot = self.env["beauty.busy.slot"].sudo()
        Slot.search([("visit_id", "in", self.ids)]).unlink()
        vals_list = []
        for visit in self.filtered(lambda v: v.state in BLOCKING_STATES):
            per_resource = defaultdict(list)
            for line in visit.line_ids:
                for kind, resource, start, stop in line._busy_intervals():
                    per_resource[(kind, resource.id)].append((start, stop, line.id))
            for (kind, resource_id), items in per_resource.items():
                items.sort()
                for start, stop in merge_intervals((a, b) for a, b, _line in items):
                    owner = next(line_id for a, _b, line_id in items if a >= start)
                    vals_list.append(
                        {
                            "visit_id": visit.id,
                            "line_id": owner,
                            "resource_id": resource_id,
                            "kind": kind,
                            "date_start": start,
                            "date_stop": stop,
                            "overbooked": visit.overbooked,
                        }
                    )
        if vals_list:
            Slot._create_guarded(vals_list)

    def _check_overbooking_allowed(self, companies, reason):
        """A double booking is a manager's decision, with a reason, where the branch allows it."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can book over another booking."))
        refused = companies.filtered(lambda c: not c.salon_allow_overbooking)
        if refused:
            raise UserError(
                self.env._("Branch %(branch)s does not allow double booking.", branch=refused[0].name)
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Please give a reason for the double booking."))

    def _log_overbooking(self):
        for visit in self:
            visit.message_post(
                body=self.env._(
                    "Booked over other bookings on purpose by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=visit.overbook_reason,
                )
            )

    # ------------------------------------------------------------------ state machine
    def _set_state(self, state, extra=None):
        for visit in self:
            if visit.state not in TRANSITIONS[state]:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Visit %(visit)s cannot go from %(old)s to %(new)s.",
                        visit=visit.name,
                        old=labels[visit.state],
                        new=labels[state],
                    )
                )
        self.write(dict(extra or {}, state=state))
        return True

    def action_confirm(self):
        return self._set_state("confirmed")

    def action_arrive(self):
        return self._set_state("arrived")

    def action_start(self):
        return self._set_state("in_service")

    def action_done(self):
        return self._set_state("done")

    def action_no_show(self):
        return self._set_state("no_show")

    def action_reset_draft(self):
        return self._set_state(
            "draft", {"cancel_reason": False, "cancel_user_id": False, "cancel_date": False}
        )

    def action_cancel(self, reason):
        """Cancel with a reason; records who, when, and whether it was late (the branch's policy window)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Please give a reason for the cancellation."))
        now = fields.Datetime.now()
        for visit in self:
            window = timedelta(hours=visit.company_id.salon_late_cancel_hours)
            visit._set_state(
                "cancelled",
                {
                    "cancel_reason": reason.strip(),
                    "cancel_user_id": self.env.uid,
                    "cancel_date": now,
                    "late_cancel": bool(visit.date_start) and visit.date_start - now < window,
                },
            )
        return True

    def action_open_cancel(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Visit"),
            "res_model": "beauty.visit.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def action_reopen(self, reason):
        """Reopen a done visit for a correction: manager only, with a reason, logged in the chatter."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can correct a done visit."))
        if not (reason or "").strip():
            raise UserError(self.env._("Please give a reason for the correction."))
        for visit in self:
            if visit.state != "done":
                raise UserError(self.env._("Only a done visit can be reopened for a correction."))
            visit.with_context(salon_correction=True).write({"state": "in_service"})
            visit.message_post(
                body=self.env._("Reopened for a correction: %(reason)s", reason=reason.strip())
            )
        return True

    # ------------------------------------------------------------------ checkout
    def _prepare_sale_order_vals(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "pricelist_id": self.pricelist_id.id,
            "salon_visit_id": self.id,
            "origin": self.name,
            "order_line": [Command.create(line._prepare_sale_line_vals()) for line in self.line_ids],
        }

    def _create_sale_order(self):
        """The visit's sale order: each service at its pricelist price, with the master who did it."""
        self.ensure_one()
        if self.sale_order_id:
            return self.sale_order_id
        if self.state not in ("arrived", "in_service", "done"):
            raise UserError(self.env._("Only a visit the client came to can be checked out."))
        order = self.env["sale.order"].create(self._prepare_sale_order_vals())
        self.sale_order_id = order
        return order

    def action_open_checkout(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Checkout"),
            "res_model": "beauty.visit.checkout",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_id": self.id},
        }

    def action_view_sale_order(self):
        self.ensure_one()
        return self.sale_order_id.get_formview_action() if self.sale_order_id else False

    def _salon_after_payment(self):
        """A paid visit: the client's figures include it, and its request is won."""
        self.partner_id._salon_refresh_stats()
        leads = self.lead_id.filtered(lambda lead: lead.active and not lead.stage_id.is_won)
        leads._salon_move_to("beauty_salon.crm_stage_salon_paid")
        regulars = self.filtered(lambda v: v.partner_id.salon_visit_count >= REGULAR_CLIENT_VISITS)
        regulars.lead_id._salon_move_to("beauty_salon.crm_stage_salon_regular")
        return True

    def action_view_invoices(self):
        self.ensure_one()
        return self.sale_order_id.action_view_invoice()

    # ------------------------------------------------------------------ booking helpers
    @api.model
    def _prepare_from_option(self, partner, option, **extra):
        """Values of a visit booked on an option returned by ``beauty.availability.find_slots``."""
        return dict(
            extra,
            partner_id=partner.id,
            line_ids=[
                Command.create(
                    {
                        "service_id": line["service_id"],
                        "master_id": line["master_id"],
                        "resource_ids": [Command.set(line["resource_ids"])],
                        "date_start": line["date_start"],
                    }
                )
                for line in option["lines"]
            ],
        )

    # ------------------------------------------------------------------ hooks for the satellite addons
    def _salon_reduction_kinds(self):
        """What lowers the price of each line of these visits' orders, ``{sale_line_id: {kind: amount}}``.

        For every line with a price (not the reward lines themselves): the amounts (negative, untaxed,
        order currency, for the whole line) by which each kind lowers it from its undiscounted amount
        (unit price × quantity); an empty dict when nothing does. Kinds:
        ``discount`` (discount card, promotion, coupon, manual discount), ``points`` (bonus points),
        ``certificate`` (gift certificate or e-wallet: money the client paid before) and ``pack`` (a
        visit-pack session). ``beauty_salon_loyalty`` answers for its lines; payroll decides per pay
        scheme which kinds lower a master's commission base, and tells unnamed lines apart itself.
        """
        return {}
