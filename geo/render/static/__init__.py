"""render/static"""
