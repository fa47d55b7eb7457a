# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, formatLang

# Once something is written off, these only change through the used quantity.
STOCK_KEYS = {"product_id", "product_uom_id", "lot_id"}


class BeautyVisitConsumption(models.Model):
    """A material used in one booking: the cost card's norm, what the master really used, and what stock
    moves have written off so far.

    While the visit is open the used quantity is only recorded. When the visit is done, the difference
    between used and written off goes through stock right away: a consumption transfer from the branch's
    salon stock when more was used, a return when less was. Written-off quantity and cost are computed
    from those stock moves and their valuation, so they always agree with the inventory and accounting.
    """

    _name = "beauty.visit.consumption"
    _inherit = "beauty.salon.material"
    _description = "Material Used in a Salon Service"
    _order = "visit_id, line_id, sequence, id"
    _check_company_auto = True

    visit_id = fields.Many2one("beauty.visit", required=True, index=True, ondelete="cascade")
    line_id = fields.Many2one(
        "beauty.visit.line",
        string="Booking",
        compute="_compute_line_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('visit_id', '=', visit_id)]",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True, string="Branch")
    master_id = fields.Many2one(related="line_id.master_id", store=True, index=True, string="Master")
    service_id = fields.Many2one(related="line_id.service_id", store=True, string="Service")
    date = fields.Datetime(related="line_id.date_start", store=True, index=True)
    service_categ_id = fields.Many2one(related="service_id.categ_id", store=True, string="Service Category")
    # Stored for the actual-vs-norm report, which reads this table alone.
    visit_state = fields.Selection(related="visit_id.state", store=True, string="Visit Status")
    materials_returned = fields.Boolean(related="visit_id.salon_materials_returned", store=True)
    product_barcode = fields.Char(related="product_id.barcode", string="Barcode")
    product_tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        help="Leave empty to take the lots the removal strategy proposes.",
    )
    is_extra = fields.Boolean(
        string="Not in Cost Card", default=True, readonly=True, help="Added by hand, not by the cost card."
    )
    qty_norm = fields.Float(string="Norm", digits="Product Unit of Measure", readonly=True, default=0.0)
    qty_actual = fields.Float(string="Used", digits="Product Unit of Measure", default=1.0)
    move_ids = fields.One2many("stock.move", "salon_consumption_id", string="Stock Moves")
    qty_done = fields.Float(
        string="Written Off",
        compute="_compute_written_off",
        store=True,
        digits="Product Unit of Measure",
        help="Net quantity the stock moves took to the consumption location.",
    )
    product_qty_norm = fields.Float(
        string="Norm in Product Unit",
        compute="_compute_product_quantities",
        store=True,
        digits="Product Unit of Measure",
    )
    product_qty_done = fields.Float(
        string="Written Off in Product Unit",
        compute="_compute_product_quantities",
        store=True,
        digits="Product Unit of Measure",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Cost",
        compute="_compute_written_off",
        store=True,
        help="Valuation of the net quantity written off.",
    )
    unit_cost = fields.Monetary(
        compute="_compute_unit_cost",
        store=True,
        help="Cost of one unit: from the write-off's valuation, else the product's cost when recorded.",
    )

    _sql_constraints = [
        (
            "quantities_positive",
            "CHECK (qty_norm >= 0 AND qty_actual >= 0)",
            "Quantities cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("visit_id")
    def _compute_line_id(self):
        for material in self:
            if material.line_id.visit_id != material.visit_id:
                material.line_id = material.visit_id.line_ids[:1]

    @api.depends(
        "move_ids.state",
        "move_ids.quantity",
        "move_ids.product_uom",
        "move_ids.stock_valuation_layer_ids.value",
    )
    def _compute_written_off(self):
        for material in self:
            quantity = value = 0.0
            for move in material.move_ids.filtered(lambda m: m.state == "done"):
                sign = 1 if move.location_dest_id.usage != "internal" else -1
                quantity += sign * move.product_uom._compute_quantity(move.quantity, material.product_uom_id)
                value -= sum(move.stock_valuation_layer_ids.mapped("value"))
            material.qty_done = quantity
            material.amount = value

    @api.depends("qty_norm", "qty_done", "product_uom_id", "product_id.uom_id")
    def _compute_product_quantities(self):
        for material in self:
            uom, product_uom = material.product_uom_id, material.product_id.uom_id
            if uom and product_uom:
                material.product_qty_norm = uom._compute_quantity(material.qty_norm, product_uom, round=False)
                material.product_qty_done = uom._compute_quantity(material.qty_done, product_uom, round=False)
            else:
                material.product_qty_norm = material.product_qty_done = 0.0

    @api.depends("qty_done", "amount", "product_id", "product_uom_id")
    def _compute_unit_cost(self):
        for material in self:
            uom = material.product_uom_id
            if uom and not float_is_zero(material.qty_done, precision_rounding=uom.rounding):
                material.unit_cost = material.amount / material.qty_done
            else:
                material.unit_cost = material._salon_current_unit_cost(
                    material.company_id or self.env.company
                )

    # ------------------------------------------------------------------ checks
    @api.constrains("line_id", "visit_id")
    def _check_line_in_visit(self):
        for material in self:
            if material.line_id.visit_id != material.visit_id:
                raise ValidationError(self.env._("A material must belong to a service of its own visit."))

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        materials = super().create(vals_list)
        if not self.env.context.get("salon_stock_deferred"):
            done = materials.filtered(lambda m: m.visit_id.state == "done")
            done._salon_log_correction({})
            done._salon_sync_stock()
        return materials

    def write(self, vals):
        if STOCK_KEYS & set(vals) and any(self.mapped("qty_done")):
            raise UserError(
                self.env._(
                    "This material has been written off already: change the used quantity instead "
                    "(set it to 0 and add the right material or lot)."
                )
            )
        previous = {material.id: material.qty_actual for material in self}
        result = super().write(vals)
        if "qty_actual" in vals and not self.env.context.get("salon_stock_deferred"):
            done = self.filtered(lambda m: m.visit_id.state == "done")
            done._salon_log_correction(previous)
            done._salon_sync_stock()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_written_off(self):
        if any(self.mapped("qty_done")):
            raise UserError(
                self.env._(
                    "A material that has been written off cannot be deleted: set its used quantity to 0."
                )
            )

    # ------------------------------------------------------------------ stock
    def _salon_log_correction(self, previous):
        """Post on each done visit what changed in its materials (``previous``: ``{id: old used qty}``)."""
        changed = self.filtered(
            lambda m: (
                float_compare(
                    previous.get(m.id, 0.0), m.qty_actual, precision_rounding=m.product_uom_id.rounding
                )
                != 0
            )
        )
        for visit, materials in changed.grouped("visit_id").items():
            changes = [
                f"{material.product_id.display_name}: {previous.get(material.id, 0.0):g} → "
                f"{material.qty_actual:g} {material.product_uom_id.name}"
                for material in materials
            ]
            visit.message_post(
                body=self.env._(
                    "Materials corrected by %(user)s: %(changes)s",
                    user=self.env.user.name,
                    changes="; ".join(changes),
                )
            )

    def _salon_sync_stock(self):
        """Write off what was used but not written off yet, return what was written off but not used.

        One transfer per visit and direction. Returns the transfers, validated.
        """
        # Superuser: the salon writes its materials off on behalf of the master or the reception, whose
        # access was checked on the material lines. A plain sudo() is not enough: stock_account reads
        # quantities with the user's own rights (sudo(False)), which a master does not have. The
        # transfers are system-made and linked to the visit, whose chatter logs what happened: no
        # tracking messages of their own.
        materials = (
            self.with_user(SUPERUSER_ID)
            .with_context(tracking_disable=True)
            .filtered(
                lambda m: (
                    float_compare(m.qty_actual, m.qty_done, precision_rounding=m.product_uom_id.rounding) != 0
                )
            )
        )
        pickings = materials.env["stock.picking"]
        for visit, visit_materials in materials.grouped("visit_id").items():
            visit_materials = visit_materials.with_company(visit.company_id)
            more = visit_materials.filtered(lambda m: m.qty_actual > m.qty_done)
            less = visit_materials - more
            if less:
                pickings |= less._salon_transfer(visit, returning=True)
            if more:
                pickings |= more._salon_transfer(visit, returning=False)
                if visit.salon_materials_returned:
                    visit.salon_materials_returned = False
        return pickings

    def _salon_transfer(self, visit, returning):
        """A validated transfer of the differences of these materials of ``visit``."""
        picking_type = visit.company_id._salon_warehouse().salon_consumption_type_id
        if not picking_type:
            raise UserError(
                self.env._(
                    "Branch %(branch)s has no salon consumption operation type.", branch=visit.company_id.name
                )
            )
        stock = picking_type.default_location_src_id
        consumption = picking_type.default_location_dest_id
        if consumption == visit.company_id.salon_consumption_location_id:
            visit.company_id._salon_consumption_location()  # fills its valuation accounts when missing
        source, destination = (consumption, stock) if returning else (stock, consumption)
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": visit.name,
                "salon_visit_id": visit.id,
                "company_id": visit.company_id.id,
                "return_id": returning and visit.salon_picking_ids.filtered(lambda p: not p.return_id)[:1].id,
                "move_ids": [
                    Command.create(material._salon_move_vals(picking_type, source, destination, returning))
                    for material in self
                ],
            }
        )
        to_reserve = picking.move_ids.filtered(lambda move: not move.move_line_ids)
        if to_reserve:
            to_reserve._action_confirm(merge=False)._action_assign()
            to_reserve.picked = True
            short = to_reserve.filtered(
                lambda m: (
                    float_compare(m.quantity, m.product_uom_qty, precision_rounding=m.product_uom.rounding)
                    < 0
                )
            )
            if short:
                raise UserError(
                    self.env._(
                        "Not enough %(material)s with a lot in %(location)s: "
                        "pick the lot used for visit %(visit)s.",
                        material=short[0].product_id.display_name,
                        location=source.display_name,
                        visit=visit.name,
                    )
                )
        picking._action_done()
        if not returning:
            self._salon_alert_low_stock(picking.move_ids)
        return picking

    def _salon_move_vals(self, picking_type, source, destination, returning):
        self.ensure_one()
        quantity = abs(self.qty_actual - self.qty_done)
        vals = {
            "name": self.product_id.display_name,
            "product_id": self.product_id.id,
            "product_uom": self.product_uom_id.id,
            "product_uom_qty": quantity,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "picking_type_id": picking_type.id,
            "company_id": self.company_id.id,
            "origin": self.visit_id.name,
            "salon_consumption_id": self.id,
        }
        line_vals = {
            "product_id": self.product_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "picked": True,
        }
        if returning:
            written_off = self.move_ids.filtered(
                lambda m: m.state == "done" and m.location_dest_id.usage != "internal"
            )
            vals["origin_returned_move_id"] = written_off[-1:].id
            vals["move_line_ids"] = [
                Command.create(
                    dict(line_vals, product_uom_id=self.product_id.uom_id.id, quantity=qty, lot_id=lot.id)
                )
                for lot, qty in self._salon_lots_to_return(quantity)
            ]
        elif self.lot_id or self.product_id.tracking == "none":
            vals["move_line_ids"] = [
                Command.create(
                    dict(
                        line_vals,
                        product_uom_id=self.product_uom_id.id,
                        quantity=quantity,
                        lot_id=self.lot_id.id,
                    )
                )
            ]
        # Tracked material without a chosen lot: no line here, the removal strategy picks the lots.
        vals["picked"] = "move_line_ids" in vals
        return vals

    def _salon_lots_to_return(self, quantity):
        """``[(lot, qty)]`` in the product's unit that give back ``quantity`` (in the line's unit).

        The lots written off last go back first."""
        product_uom = self.product_id.uom_id
        remaining = self.product_uom_id._compute_quantity(quantity, product_uom)
        net = defaultdict(float)
        for move_line in self.move_ids.filtered(lambda m: m.state == "done").move_line_ids:
            sign = 1 if move_line.location_dest_id.usage != "internal" else -1
            net[move_line.lot_id] += sign * move_line.quantity_product_uom
        taken = []
        for lot in sorted(net, key=lambda lot: lot.id or 0, reverse=True):
            qty = min(remaining, net[lot])
            if float_compare(qty, 0.0, precision_rounding=product_uom.rounding) > 0:
                taken.append((lot, qty))
                remaining -= qty
        return taken

    def _salon_alert_low_stock(self, moves):
        """An activity for the stock manager when these salon moves took a consumable below its minimum."""
        taken = defaultdict(float)
        for move in moves:
            taken[move.product_id, move.company_id] += move.product_qty
        # sudo: the alert is raised by the system for the stock manager, whoever completed the visit.
        orderpoints = (
            self.env["stock.warehouse.orderpoint"]
            .sudo()
            .search(
                [
                    ("product_id", "in", moves.product_id.ids),
                    ("company_id", "in", moves.company_id.ids),
                    ("product_min_qty", ">", 0),
                ]
            )
        )
        activity_type = self.env.ref("beauty_salon_stock.mail_activity_type_low_stock")
        alerted = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("activity_type_id", "=", activity_type.id),
                    ("res_model", "=", "product.template"),
                    ("res_id", "in", orderpoints.product_id.product_tmpl_id.ids),
                ]
            )
            .mapped("res_id")
        )
        for orderpoint in orderpoints:
            rounding = orderpoint.product_uom.rounding
            left = orderpoint.qty_on_hand
            before = left + taken[orderpoint.product_id, orderpoint.company_id]
            if float_compare(left, orderpoint.product_min_qty, precision_rounding=rounding) >= 0:
                continue
            if float_compare(before, orderpoint.product_min_qty, precision_rounding=rounding) < 0:
                continue  # it was below its minimum already: the manager knows
            template = orderpoint.product_id.product_tmpl_id.with_company(orderpoint.company_id)
            user = orderpoint.company_id.salon_stock_manager_id or template.responsible_id
            if not user or template.id in alerted:
                continue
            alerted.add(template.id)
            template.sudo().activity_schedule(
                "beauty_salon_stock.mail_activity_type_low_stock",
                user_id=user.id,
                note=self.env._(
                    "%(product)s: %(left)s %(unit)s left in %(location)s after salon consumption; "
                    "the minimum is %(minimum)s.",
                    product=orderpoint.product_id.display_name,
                    left=formatLang(self.env, left, dp="Product Unit of Measure"),
                    unit=orderpoint.product_uom.name,
                    location=orderpoint.location_id.display_name,
                    minimum=formatLang(self.env, orderpoint.product_min_qty, dp="Product Unit of Measure"),
                ),
            )
