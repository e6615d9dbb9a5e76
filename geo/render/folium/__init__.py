"""render/folium"""
