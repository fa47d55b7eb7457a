# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Beauty Salon Loyalty",
    "summary": "Discount cards, expiring bonus points, gift certificates, promotions and visit packs",
    "version": "18.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/beauty-salon-suite/odoo-beauty-salon",
    "author": "Beauty Salon Suite",
    "license": "LGPL-3",
    "depends": ["beauty_salon", "loyalty", "sale_loyalty"],
    "data": ["security/ir.model.access.csv"],
}
