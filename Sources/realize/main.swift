print("realize")
