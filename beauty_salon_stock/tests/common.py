# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command

from odoo.addons.beauty_salon.tests.common import BeautySalonCase, moscow  # pylint: disable=import-error


class SalonStockCase(BeautySalonCase):
    """The core's test salon plus consumables in real-time average-cost valuation and cost cards.

    Costs: dye 10,000 per kg, oxidant 500 per litre, gloves 20 per pair, cooling gel (tracked by lots,
    10 g in lot GEL-A and 30 g in lot GEL-B) 50 per gram. Colouring uses 60 g dye, 90 ml oxidant and a
    pair of gloves, but Anna uses 80 g of dye (Olga performs colouring here too). Manicure uses two
    pairs of gloves; laser hair removal 4 g of gel; haircut has no card.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.company._salon_warehouse()
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.consumption_location = cls.company.salon_consumption_location_id
        cls.category = cls.env["product.category"].create(
            {
                "name": "Salon consumables",
                "property_cost_method": "average",
                "property_valuation": "real_time",
            }
        )
        cls.uom_kg = cls.env.ref("uom.product_uom_kgm")
        cls.uom_g = cls.env.ref("uom.product_uom_gram")
        cls.uom_litre = cls.env.ref("uom.product_uom_litre")
        cls.uom_ml = cls.env["uom.uom"].create(
            {
                "name": "test ml",
                "category_id": cls.uom_litre.category_id.id,
                "uom_type": "smaller",
                "factor": 1000.0,
                "rounding": 0.01,
            }
        )
        cls.dye = cls.consumable("Hair dye", 10000.0, cls.uom_kg, barcode="4600000000017")
        cls.oxidant = cls.consumable("Oxidant 6%", 500.0, cls.uom_litre)
        cls.gloves = cls.consumable("Nitrile gloves (pair)", 20.0)
        cls.gel = cls.consumable("Cooling gel", 50.0, cls.uom_g, tracking="lot")
        cls.put_in_stock(cls.dye, 2.0)
        cls.put_in_stock(cls.oxidant, 5.0)
        cls.put_in_stock(cls.gloves, 100.0)
        Lot = cls.env["stock.lot"]
        cls.lot_a, cls.lot_b = Lot.create(
            [
                {"name": name, "product_id": cls.gel.id, "company_id": cls.company.id}
                for name in ("GEL-A", "GEL-B")
            ]
        )
        cls.put_in_stock(cls.gel, 10.0, lot=cls.lot_a)
        cls.put_in_stock(cls.gel, 30.0, lot=cls.lot_b)
        cls.colour.product_tmpl_id.salon_master_ids = [Command.link(cls.master_olga.id)]
        Card = cls.env["beauty.cost.card"]
        cls.colour_card = Card.create(
            {
                "service_tmpl_id": cls.colour.product_tmpl_id.id,
                "line_ids": [
                    Command.create(
                        {"product_id": cls.dye.id, "quantity": 60.0, "product_uom_id": cls.uom_g.id}
                    ),
                    Command.create(
                        {"product_id": cls.oxidant.id, "quantity": 90.0, "product_uom_id": cls.uom_ml.id}
                    ),
                    Command.create({"product_id": cls.gloves.id, "quantity": 1.0}),
                    Command.create(
                        {
                            "product_id": cls.dye.id,
                            "quantity": 80.0,
                            "product_uom_id": cls.uom_g.id,
                            "master_id": cls.master_anna.id,
                        }
                    ),
                ],
            }
        )
        cls.manicure_card = Card.create(
            {
                "service_tmpl_id": cls.manicure.product_tmpl_id.id,
                "line_ids": [Command.create({"product_id": cls.gloves.id, "quantity": 2.0})],
            }
        )
        cls.laser_card = Card.create(
            {
                "service_tmpl_id": cls.laser_hair.product_tmpl_id.id,
                "line_ids": [Command.create({"product_id": cls.gel.id, "quantity": 4.0})],
            }
        )

    @classmethod
    def consumable(cls, name, cost, uom=None, **extra):
        uom = uom or cls.env.ref("uom.product_uom_unit")
        return cls.env["product.product"].create(
            dict(
                {
                    "name": name,
                    "type": "consu",
                    "is_storable": True,
                    "is_salon_consumable": True,
                    "categ_id": cls.category.id,
                    "uom_id": uom.id,
                    "uom_po_id": uom.id,
                    "standard_price": cost,
                },
                **extra,
            )
        )

    @classmethod
    def put_in_stock(cls, product, quantity, location=None, lot=None):
        """An inventory adjustment, valued at the product's cost."""
        cls.env["stock.quant"].with_context(inventory_mode=True).create(
            {
                "product_id": product.id,
                "location_id": (location or cls.stock_location).id,
                "inventory_quantity": quantity,
                "lot_id": lot.id if lot else False,
            }
        )._apply_inventory()

    @classmethod
    def book_services(cls, *bookings, partner=None, company=None):
        """A visit of several services; each booking is ``(service, master, 'YYYY-MM-DD HH:MM')``."""
        vals = {
            "partner_id": (partner or cls.client).id,
            "line_ids": [
                Command.create(
                    {"service_id": service.id, "master_id": master.id, "date_start": moscow(start)}
                )
                for service, master, start in bookings
            ],
        }
        if company:
            vals["company_id"] = company.id
        return cls.Visit.create(vals)

    @classmethod
    def complete(cls, visit):
        visit.action_arrive()
        visit.action_start()
        visit.action_done()
        return visit

    def material(self, visit, product, master=None):
        materials = visit.salon_consumption_ids.filtered(lambda m: m.product_id == product)
        if master:
            materials = materials.filtered(lambda m: m.master_id == master)
        self.assertEqual(len(materials), 1, f"one line of {product.name} expected")
        return materials

    def on_hand(self, product, location=None, lot=None):
        return product.with_context(
            location=(location or self.stock_location).id, lot_id=lot and lot.id
        ).qty_available
