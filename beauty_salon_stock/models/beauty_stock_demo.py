# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import random

from odoo import api, models
from odoo.tools import float_round

# Opening stock (product xml id suffix, quantity in its unit, lot xml id suffix).
OPENING_STOCK = [
    ("dye", 1500, None),
    ("oxidant", 5000, None),
    ("shampoo", 5000, None),
    ("balm", 3000, None),
    ("gloves", 50, None),
    ("towel", 300, None),
    ("gel_polish", 150, None),
    ("base_top", 120, None),
    ("file", 200, None),
    ("cream", 1000, None),
    ("oil", 5000, None),
    ("laser_gel", 3000, None),
    ("mask", 1000, None),
    ("peel", 500, None),
    ("brow_dye", 10, "brow_dye_2405"),
    ("brow_dye", 25, "brow_dye_2408"),
    ("lash_glue", 30, None),
    ("lashes", 40, None),
    ("lamination", 50, None),
    ("shampoo_color", 20, None),
    ("hair_mask", 12, None),
    ("cuticle_oil", 30, None),
    ("hand_cream", 25, None),
    ("brow_serum", 8, None),
]
# Masters' habits against the norm: (lowest, highest) factor. Ekaterina over-uses dye and oxidant.
# Gloves start just above their minimum (40): the week's consumption raises the low-stock activity.
HABITS = {"beauty_master_ekaterina": (1.08, 1.18)}
USUAL = (0.95, 1.05)
OVERUSED = {"dye", "oxidant"}


class BeautyStockDemo(models.AbstractModel):
    """Opening stock and a week of materials for the core's demo week, through the real write-off."""

    _name = "beauty.stock.demo"
    _description = "Salon Consumables Demo Data"

    @api.model
    def _demo_ref(self, name):
        return self.env.ref(f"beauty_salon_stock.{name}")

    @api.model
    def _salon_demo_stock(self):
        """Called by the demo XML: inventory, then the materials of the demo week's visits."""
        env = self.with_context(tracking_disable=True, mail_create_nolog=True).env
        company = env.ref("base.main_company")
        stock = company._salon_warehouse().lot_stock_id
        env["stock.quant"].with_context(inventory_mode=True).create(
            [
                {
                    "product_id": self._demo_ref(f"product_{product}").id,
                    "location_id": stock.id,
                    "inventory_quantity": quantity,
                    "lot_id": self._demo_ref(f"lot_{lot}").id if lot else False,
                }
                for product, quantity, lot in OPENING_STOCK
            ]
        )._apply_inventory()
        visits = env["beauty.visit"].search(
            [("company_id", "=", company.id), ("state", "in", ("arrived", "in_service", "done"))],
            order="date_start, id",
        )
        # The core's demo week was booked before this addon was loaded: fill in the cost cards' norms.
        visits.line_ids._salon_fill_norms()
        done = visits.filtered(lambda visit: visit.state == "done")
        self._record_demo_use(done.salon_consumption_ids, random.Random(42))
        done._salon_write_off()
        self._demo_corrections(done)
        return True

    @api.model
    def _record_demo_use(self, materials, rng):
        """What the masters really used: around the norm, Ekaterina over it on colour; pieces as planned."""
        habits = {self.env.ref(f"beauty_salon.{master}"): factors for master, factors in HABITS.items()}
        overused = self.env["product.product"].concat(
            *(self._demo_ref(f"product_{name}") for name in OVERUSED)
        )
        pieces = self.env.ref("uom.product_uom_categ_unit")
        for material in materials.with_context(salon_stock_deferred=True):
            rounding = material.product_uom_id.rounding
            if material.product_uom_id.category_id == pieces:
                continue
            low, high = habits.get(material.master_id, USUAL) if material.product_id in overused else USUAL
            material.qty_actual = float_round(
                material.qty_norm * rng.uniform(low, high), precision_rounding=rounding
            )

    @api.model
    def _demo_corrections(self, done):
        """After the fact: a master corrects her oil, a manager returns a visit's materials."""
        if len(done) < 2:
            return
        oil = done.salon_consumption_ids.filtered(lambda m: m.product_id == self._demo_ref("product_oil"))[:1]
        if oil:
            oil.qty_actual = oil.qty_actual + 10
        done[-1].action_salon_return_materials(
            "Процедура прервана по просьбе клиента, материалы не вскрывались"
        )
